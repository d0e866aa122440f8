package io.lineone.client.main;

import io.lineone.api.Health;
import io.lineone.api.Role;
import io.lineone.api.User;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.Messages;
import io.lineone.client.common.SignedIn;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.common.UserSettings;
import io.lineone.client.net.Backend;
import io.lineone.client.notices.NoticeLog;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/** State and commands of the main window: navigation, status bar, sign-out. */
public final class MainViewModel {

    static final String RAIL_COLLAPSED = "rail-collapsed";
    static final String LAST_SECTION = "last-section";

    private final SignedIn signedIn;
    private final Backend backend;
    private final TaskExecutor executor;
    private final Messages messages;
    private final ConnectionStatus connection;
    private final Runnable onSignedOut;
    private final ReadOnlyIntegerProperty openBreaches;
    private final NoticeLog notices;
    private final BooleanProperty railCollapsed = new SimpleBooleanProperty();

    private final ObjectProperty<Section> section;
    private final ReadOnlyStringWrapper serverVersion = new ReadOnlyStringWrapper("");
    private final StringBinding connectionText;
    private final StringBinding breachText;

    /**
     * @param openBreaches open issues past their SLA, as the live issues count them
     * @param notices      the notification centre, whose unread count the rail shows
     * @param settings     where the user's choices for the window (a folded rail) are remembered
     */
    public MainViewModel(SignedIn signedIn, Backend backend, TaskExecutor executor, Messages messages,
                         ConnectionStatus connection, ReadOnlyIntegerProperty openBreaches, NoticeLog notices,
                         UserSettings settings, Runnable onSignedOut) {
        this.signedIn = signedIn;
        this.backend = backend;
        this.executor = executor;
        this.messages = messages;
        this.connection = connection;
        this.onSignedOut = onSignedOut;
        this.openBreaches = openBreaches;
        this.notices = notices;
        // The screen the user was on when they last left, where their role may still go.
        this.section = new SimpleObjectProperty<>(settings.get(LAST_SECTION).flatMap(MainViewModel::section)
                .filter(this::reachable).orElse(landing(signedIn.session().user().role())));
        section.addListener((obs, old, now) -> settings.put(LAST_SECTION, now.name()));
        railCollapsed.set(settings.get(RAIL_COLLAPSED).map(Boolean::parseBoolean).orElse(false));
        railCollapsed.addListener((obs, was, now) -> settings.put(RAIL_COLLAPSED, now.toString()));
        // Notices count as read while the centre is on screen, and from then on.
        section.addListener((obs, old, now) -> notices.setWatched(now == Section.NOTICES));
        this.connectionText = Bindings.createStringBinding(this::describeConnection, connection.stateProperty());
        this.breachText = Bindings.createStringBinding(
                () -> messages.format("main.status.breaches", openBreaches.get()), openBreaches);
    }

    private static Optional<Section> section(String name) {
        try {
            return Optional.of(Section.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Where a role starts: a product owner has no book of merchants and no queue of their own, only the releases
     * they own and the bells pulled on them; a supervisor at the team's queue with each manager's load beside it;
     * everyone else at their merchants.
     */
    static Section landing(Role role) {
        return switch (role) {
            case PRODUCT_OWNER -> Section.BELLS;
            case SUPERVISOR -> Section.ISSUES;
            default -> Section.MERCHANTS;
        };
    }

    /**
     * Whether the role has anything to see in a section. A product owner has no merchants and no issues of their own
     * (the server shows them none): those screens would only say "not allowed", so the rail leaves them out.
     */
    public boolean reachable(Section section) {
        return signedIn.session().user().role() != Role.PRODUCT_OWNER
                || (section != Section.MERCHANTS && section != Section.ISSUES);
    }

    /** The rail's name of the merchants screen: a supervisor's or an admin's is the whole team's book. */
    public String merchantsNavText() {
        return messages.get(seesWholeTeam(signedIn.session().user().role()) ? "main.nav.merchants.team"
                : "main.nav.merchants");
    }

    /** Roles whose merchants and queue are everyone's, not a book of their own. */
    public static boolean seesWholeTeam(Role role) {
        return role == Role.SUPERVISOR || role == Role.ADMIN;
    }

    /** Asks the server for its version; the answer also tells the status bar we are connected. */
    public void refreshHealth() {
        executor.execute(backend::health, this::healthArrived, connection::reportFailure);
    }

    private void healthArrived(Health health) {
        connection.reportSuccess();
        serverVersion.set(messages.format("main.status.version", health.version()));
    }

    /** Leaves even if the server cannot be told: the token is dropped locally either way. */
    public void signOut() {
        executor.execute(() -> {
            backend.signOut();
            return null;
        }, done -> onSignedOut.run(), failure -> onSignedOut.run());
    }

    private String describeConnection() {
        return switch (connection.state()) {
            case CHECKING -> messages.get("main.status.connecting");
            case ONLINE, STOPPED -> signedIn.demo()
                    ? messages.get("main.status.onlineDemo")
                    : messages.format("main.status.online", signedIn.serverUrl());
            case LIVE -> signedIn.demo()
                    ? messages.get("main.status.liveDemo")
                    : messages.format("main.status.live", signedIn.serverUrl());
            case RECONNECTING -> messages.format("main.status.reconnecting", signedIn.serverUrl());
            case OFFLINE -> messages.format("main.status.offline", signedIn.serverUrl());
        };
    }

    public String userText() {
        User user = signedIn.session().user();
        return messages.format("main.status.user", user.displayName(), messages.get("role." + user.role().name()));
    }

    public String windowTitle() {
        return signedIn.demo()
                ? messages.format("main.title.demo", messages.get("app.name"))
                : messages.get("app.name");
    }

    public boolean demo() {
        return signedIn.demo();
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public StringBinding connectionTextProperty() {
        return connectionText;
    }

    public ReadOnlyStringProperty serverVersionProperty() {
        return serverVersion.getReadOnlyProperty();
    }

    /** "No SLA breaches" / "3 SLA breaches", for the status bar. */
    public StringBinding breachTextProperty() {
        return breachText;
    }

    public boolean hasBreaches() {
        return openBreaches.get() > 0;
    }

    public ReadOnlyIntegerProperty openBreachesProperty() {
        return openBreaches;
    }

    /** The rail shows its icons only. */
    public BooleanProperty railCollapsedProperty() {
        return railCollapsed;
    }

    /** Notices that arrived since the user last looked at the notification centre. */
    public ReadOnlyIntegerProperty unreadNoticesProperty() {
        return notices.unreadProperty();
    }

    /** The rail's badge: empty when nothing is unread, "99+" past that. */
    public String unreadBadge(int unread) {
        return unread <= 0 ? "" : unread > 99 ? "99+" : Integer.toString(unread);
    }

    public ConnectionStatus connection() {
        return connection;
    }
}
