package io.lineone.client;

import io.lineone.api.Session;
import io.lineone.api.User;
import io.lineone.client.common.ConsoleControls;
import io.lineone.client.common.ConsoleSettings;
import io.lineone.client.common.DesktopFiles;
import io.lineone.client.common.DemoLauncher;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.FxmlLoaderFactory;
import io.lineone.client.common.IssueLinks;
import io.lineone.client.common.MerchantLinks;
import io.lineone.client.merchants.BookSnapshot;
import io.lineone.client.merchants.BookSnapshots;
import io.lineone.client.merchants.BookWarmUp;
import io.lineone.client.common.Messages;
import io.lineone.client.common.ServerSettings;
import io.lineone.client.common.SignedIn;
import io.lineone.client.common.StartupTimeline;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.common.Theme;
import io.lineone.client.common.UserSettings;
import io.lineone.client.main.MainController;
import io.lineone.client.main.MainViewModel;
import io.lineone.client.notices.NoticeLog;
import io.lineone.client.search.GlobalSearchViewModel;
import io.lineone.client.main.ScreenContext;
import io.lineone.client.main.Section;
import io.lineone.client.net.Backend;
import io.lineone.client.queue.DesktopAlerts;
import io.lineone.client.queue.LiveConversations;
import io.lineone.client.queue.LiveIssues;
import io.lineone.client.settings.About;
import io.lineone.client.settings.SettingsScreen;
import io.lineone.client.signin.SignInController;
import io.lineone.client.signin.SignInViewModel;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The one place the console's objects are built and connected, and where it moves between
 * starting, sign-in and the main window. Tests build it with their own settings and servers.
 */
public final class AppWiring implements ConsoleControls, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AppWiring.class.getName());
    /**
     * How long the launch waits for the kept book read since the JVM started before it shows a spinner instead: the
     * read is nearly always done by the time the toolkit is up.
     */
    private static final Duration KEPT_BOOK_WAIT = Duration.ofMillis(400);
    private static final Duration KEPT_BOOK_SHOWN_WAIT = Duration.ofSeconds(3);

    private final ServerSettings settings;
    private final ConsoleSettings console;
    private final TaskExecutor executor;
    private final Backend backend;
    private final DemoLauncher demo;
    private final About about;
    private final BookSnapshots snapshots;
    private final List<AutoCloseable> resources;
    /** What one signed-in session runs (event stream, timers, probes); closed at sign-out. */
    private final List<AutoCloseable> session = new ArrayList<>();
    // The language can change while the console runs (Settings): the window is then built again in it.
    private Messages messages;
    private FxmlLoaderFactory loaders;
    private final ConsoleWindow window;
    /** The session on screen and its window's model and alerts, while signed in. */
    private SignedIn signedIn;
    private MainViewModel main;
    private DesktopAlerts alerts;
    private LiveIssues issues;
    private NoticeLog notices;
    /** The session's calls, held back while its window shows the last session's book before sign-in. */
    private SessionGate gate;
    /** From start-up until the demo workspace is signed in (or failed to be). */
    private boolean openingDemo;

    public AppWiring(Messages messages, ServerSettings settings, TaskExecutor executor, Backend backend,
                     DemoLauncher demo, About about, List<AutoCloseable> resources) {
        this(messages, settings, executor, backend, demo, about, BookSnapshots.none(), resources);
    }

    /** @param snapshots where each user's last book is kept, to show at the next start before the server answers */
    public AppWiring(Messages messages, ServerSettings settings, TaskExecutor executor, Backend backend,
                     DemoLauncher demo, About about, BookSnapshots snapshots, List<AutoCloseable> resources) {
        this.snapshots = snapshots;
        this.messages = messages;
        this.settings = settings;
        this.console = new ConsoleSettings(settings.console());
        this.window = new ConsoleWindow(console);
        this.executor = executor;
        this.backend = backend;
        this.demo = demo;
        this.about = about;
        this.loaders = new FxmlLoaderFactory(messages.bundle());
        this.resources = new ArrayList<>(resources);
    }

    public ServerSettings settings() {
        return settings;
    }

    /**
     * Shows the window at once, where it was last time; with no server to offer, the demo workspace opens behind a
     * spinner.
     */
    public void start(Stage stage, Optional<String> serverUrl) {
        window.open(stage);
        if (serverUrl.isPresent()) {
            // While the window opens and the user signs in, so the merchants' first page does not wait for them.
            BookWarmUp.start();
            showSignIn(serverUrl.get(), null);
        } else {
            openDemoAtStartup();
        }
        stage.show();
    }

    private void openDemoAtStartup() {
        // At start-up the demo opens as its manager, the role most users come for; sign-in offers the others.
        String login = demo.accounts().get(0).login();
        openingDemo = true;
        // Their last book, if kept, fills the window while the backend starts: the account is known before sign-in.
        // Read since launch: when it is in already, no spinner is shown; the window opens at once on an empty shell
        // and the main window is built over it right after, so the first frame does not wait for the main window's
        // first layout, and no spinner animates meanwhile.
        Optional<BookSnapshot> early = snapshots.readAheadWithin(BookSnapshots.DEMO, login, KEPT_BOOK_WAIT);
        if (early.isEmpty()) {
            showWaiting("startup.openingDemo");
        } else {
            window.showShell(messages.get("app.name"));
        }
        // The pinyin table and collation rules (for the server's first page) load after that, not competing; with
        // the kept book, once it shows (its first layout is the busiest moment of a start), or after a while.
        executor.execute(() -> early.isPresent() ? early : snapshots.read(BookSnapshots.DEMO, login), kept -> {
            kept.ifPresent(this::showKept);
            if (kept.isPresent()) {
                StartupTimeline.reached(StartupTimeline.Moment.TABLE_SHOWN).copy()
                        .completeOnTimeout(null, KEPT_BOOK_SHOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                        .thenRun(BookWarmUp::start);
            } else {
                BookWarmUp.start();
            }
        }, failure -> BookWarmUp.start());
        executor.execute(() -> demo.open(login), this::signedInAtStartup, failure -> {
            openingDemo = false;
            endSession();
            showSignIn("", messages.format("signin.error.demo", new ErrorMessages(messages).describe(failure)));
        });
    }

    /** The main window over the last session's book, its calls waiting for the sign-in under way. */
    private void showKept(BookSnapshot kept) {
        if (!openingDemo || signedIn != null) {
            return;
        }
        gate = SessionGate.closed(executor);
        try {
            showMain(new SignedIn(new Session(null, null, kept.user()), "", true), null,
                    snapshots.slot(kept, executor));
        } catch (RuntimeException e) {
            // The sign-in under way builds the window afresh; until then the spinner says what happens.
            LOG.log(Level.WARNING, "the last session's book could not be shown: " + e, e);
            dropStartupSession();
            showWaiting("startup.openingDemo");
        }
    }

    private void signedInAtStartup(SignedIn opened) {
        StartupTimeline.mark(StartupTimeline.Moment.SIGNED_IN);
        openingDemo = false;
        try {
            if (gate != null && !gate.isOpen() && signedIn != null
                    && signedIn.session().user().id().equals(opened.session().user().id())) {
                // The window already shows this user's book: the session goes on in it.
                signedIn = opened;
                gate.open();
                issues.start();
            } else {
                showMain(opened);
            }
        } catch (RuntimeException e) {
            // Never a spinner that turns for ever: the person can sign in again, and the log has the cause (once).
            LOG.log(Level.ERROR, "the main window could not be shown at start-up", e);
            dropStartupSession();
            showSignIn("", messages.get("startup.error.window"));
        }
    }

    private void dropStartupSession() {
        gate = null;
        endSession();
    }

    private void showSignIn(String serverUrl, String reason) {
        SignInViewModel model = new SignInViewModel(backend, executor, messages, settings, demo, this::showMain);
        model.prefill(serverUrl, reason);
        window.show(loaders.load(SignInController.class, () -> new SignInController(model)),
                messages.format("signin.title", messages.get("app.name")));
        // The benchmark scripts type into the sign-in screen once this line is there.
        LOG.log(Level.INFO, "sign-in screen shown");
    }

    private void showMain(SignedIn signedIn) {
        showMain(signedIn, null);
    }

    private void showMain(SignedIn signedIn, Section at) {
        if (gate == null || gate.isOpen() || !signedIn.equals(this.signedIn)) {
            gate = SessionGate.open(executor);
        }
        showMain(signedIn, at, snapshots.slot(keptAs(signedIn), signedIn.session().user(), executor));
    }

    /**
     * @param at       the section to open on, or null for where the user was last (or their role's landing)
     * @param snapshot the user's kept book, shown by the merchants screen until the server's arrives
     */
    private void showMain(SignedIn signedIn, Section at, BookSnapshots.Slot snapshot) {
        TaskExecutor executor = gate;
        // A session built again (another language) keeps what the user had typed and not yet sent, and its notices.
        boolean again = signedIn.equals(this.signedIn) && issues != null;
        Optional<LiveConversations.Drafts> drafts = again ? Optional.of(issues.conversations().drafts())
                : Optional.empty();
        NoticeLog notices = again ? this.notices : new NoticeLog();
        this.notices = notices;
        closeSession();
        this.signedIn = signedIn;
        User me = signedIn.session().user();
        LiveSession live = LiveSession.start(me, backend, executor, messages, notices, console.notifications(), drafts,
                session);
        LiveIssues issues = live.issues();
        IssueLinks links = live.links();
        MerchantLinks merchantLinks = live.merchantLinks();
        alerts = live.alerts();
        this.issues = issues;
        UserSettings userSettings = settings.forUser(signedIn.serverUrl(), me.id());
        main = new MainViewModel(signedIn, backend, executor, messages, live.connection(),
                issues.openBreachesProperty(), notices, userSettings, this::signedOut);
        if (at != null) {
            main.sectionProperty().set(at);
        }
        MainViewModel main = this.main;
        ScreenContext screens = new ScreenContext(backend, executor, messages, live.connection(), issues,
                live.issueText(), live.bells(), live.bellText(), me, links, merchantLinks, notices, userSettings,
                main.sectionProperty()::set, live.fixes(), live.fixDialog(),
                () -> StartupTraining.tableReady(!gate.isOpen()), new SettingsScreen(console, settings, this, signedIn, about), snapshot);
        // An issue asked for from a toast is shown in the queue: the window turns there first, the queue does the rest.
        links.wantedProperty().addListener((obs, old, id) -> {
            if (id != null) {
                main.sectionProperty().set(Section.ISSUES);
            }
        });
        merchantLinks.wantedProperty().addListener((obs, old, id) -> {
            if (id != null) {
                main.sectionProperty().set(Section.MERCHANTS);
            }
        });
        Parent mainWindow = loaders.load(MainController.class, () -> new MainController(main,
                section -> loaders.load(section.fxml(), section.controllers(screens))));
        Optional<GlobalSearchViewModel> search = main.reachable(Section.MERCHANTS)
                ? Optional.of(new GlobalSearchViewModel(issues.rows(), backend, executor, messages, live.issueText(),
                        MainViewModel.seesWholeTeam(me.role()), links::open, merchantLinks::open))
                : Optional.empty();
        StackPane layers = WindowLayers.over(mainWindow, live.toasts().layer(), search, live.fixDialog(), loaders);
        window.show(layers, main.windowTitle());
        if (gate.isOpen()) {
            // The benchmark scripts wait for this line before they stop typing into the sign-in screen.
            LOG.log(Level.INFO, "signed in, main window shown");
            issues.start();
        }
    }

    /** Signed out: nothing of the session stays, not even its drafts. */
    private void endSession() {
        closeSession();
        signedIn = null;
        main = null;
        alerts = null;
        issues = null;
        notices = null;
    }

    private void closeSession() {
        for (AutoCloseable resource : session) {
            closeQuietly(resource);
        }
        session.clear();
    }

    private void signedOut() {
        // Nothing of the session stays on this computer either: not its book.
        String login = signedIn.session().user().login();
        String server = keptAs(signedIn);
        executor.execute(() -> {
            snapshots.delete(server, login);
            return null;
        }, done -> { }, failure -> { });
        endSession();
        showSignIn(settings.serverUrl().orElse(""), null);
    }

    /** The server a session's book is kept under: the demo's address changes every start. */
    private static String keptAs(SignedIn session) {
        return session.demo() ? BookSnapshots.DEMO : session.serverUrl();
    }

    private void showWaiting(String textKey) {
        window.showWaiting(messages.get(textKey), messages.get("app.name"));
    }

    @Override
    public void switchLanguage(Locale language) {
        messages = Messages.forLocale(language);
        loaders = new FxmlLoaderFactory(messages.bundle());
        backend.speak(messages.locale());
        if (signedIn != null) {
            // The same session, built again in the new language; the server's data is read afresh.
            showMain(signedIn, Section.SETTINGS);
        }
    }

    @Override
    public void switchTheme(Theme theme) {
        theme.applyGlobally();
    }

    @Override
    public void switchTextSize(ConsoleSettings.TextSize size) {
        window.switchTextSize(size);
    }

    @Override
    public void switchNotifications(boolean on) {
        if (alerts != null) {
            alerts.popUp(on);
        }
    }

    @Override
    public void signedOutEverywhere() {
        if (main != null) {
            signedOut();
        }
    }

    @Override
    public void signInTo(String serverUrl) {
        if (main != null) {
            main.signOut();
        }
    }

    @Override
    public void resetDemo() {
        String login = signedIn.session().user().login();
        endSession();
        showWaiting("settings.demo.resetting");
        executor.execute(() -> {
            snapshots.deleteServer(BookSnapshots.DEMO);
            demo.reset();
            return demo.open(login);
        }, opened -> showMain(opened, Section.SETTINGS), failure -> showSignIn("",
                messages.format("signin.error.demo", new ErrorMessages(messages).describe(failure))));
    }

    @Override
    public void open(Path file) {
        DesktopFiles.open(file);
    }

    @Override
    public void close() {
        window.save();
        closeSession();
        for (AutoCloseable resource : resources) {
            closeQuietly(resource);
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            // Shutting down anyway: note it and close the rest.
            LOG.log(Level.WARNING, "cannot close " + resource, e);
        }
    }
}
