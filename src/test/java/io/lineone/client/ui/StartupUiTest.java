package io.lineone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Merchant;
import io.lineone.api.Role;
import io.lineone.api.Session;
import io.lineone.api.User;
import io.lineone.client.AppWiring;
import io.lineone.client.common.FxTaskExecutor;
import io.lineone.client.common.Messages;
import io.lineone.client.common.SignedIn;
import io.lineone.client.common.TestDemo;
import io.lineone.client.merchants.BookSnapshot;
import io.lineone.client.merchants.BookSnapshots;
import io.lineone.client.net.BackendClient;
import io.lineone.testing.ManagerBooks;
import io.lineone.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.Start;

/**
 * The demo workspace at launch: with the last session's book already read (as the launcher reads it while JavaFX
 * starts) the window opens straight onto the table, no spinner first; and a main window that fails to build at start-up leaves
 * the person at sign-in with a clear message, never under a spinner that turns for ever.
 */
class StartupUiTest extends SeededConsoleTestBase {

    @TempDir
    Path data;

    private final CountDownLatch signInMayFinish = new CountDownLatch(1);
    /** The console's own client: the demo signs in through it, as the launcher's does. */
    private BackendClient backend;

    @Start
    void start(Stage primary) {
        prepare(primary);
    }

    private User liNa() {
        return new User(books.liNasMerchants().get(0).assignedManagerId(), ManagerBooks.LI_NA, "李娜", Role.MANAGER);
    }

    /** Starts the console on the "demo workspace", whose sign-in answers with what {@code signIn} gives. */
    private void openDemo(BookSnapshots snapshots, TestDemo.SignIn signIn) {
        Messages messages = Messages.forLocale(Locale.ENGLISH);
        backend = BackendClient.withDefaults(messages.locale());
        FxTaskExecutor executor = new FxTaskExecutor();
        demo = TestDemo.of(signIn);
        wiring = new AppWiring(messages, settings, executor, backend, demo, ABOUT, snapshots, List.of(executor));
        interact(() -> wiring.start(stage, Optional.empty()));
    }

    private SignedIn liNaSignsIn() throws Exception {
        signInMayFinish.await(20, TimeUnit.SECONDS);
        return new SignedIn(backend.signIn(server.url(), ManagerBooks.LI_NA,
                TestServer.PASSWORD), server.url(), true);
    }

    @Test
    void aKeptBookReadAheadOpensTheWindowOntoTheTableWithNoSpinnerFirst() throws Exception {
        BookSnapshots snapshots = BookSnapshots.in(data);
        List<Merchant> kept = books.liNasMerchants();
        snapshots.write(BookSnapshot.of(BookSnapshots.DEMO, liNa(), Instant.parse("2026-12-01T06:02:00Z"), kept));
        snapshots.readAhead(BookSnapshots.DEMO, ManagerBooks.LI_NA);
        // As at launch, where the toolkit's start gives the read its time.
        assertThat(snapshots.readAheadWithin(BookSnapshots.DEMO, "nobody", Duration.ZERO)).isEmpty();

        AtomicBoolean spinner = new AtomicBoolean();
        interact(() -> stage.sceneProperty().addListener((obs, old, scene) -> scene.rootProperty().addListener(
                (rootObs, oldRoot, root) -> spinner.compareAndSet(false, root.getStyleClass().contains("starting-root")))));
        openDemo(snapshots, login -> liNaSignsIn());

        // The window opens at once, and then on the kept rows, marked; never a spinner.
        waitUntil(() -> showing("#merchantTable"));
        assertThat(spinner).isFalse();
        assertThat(fx(() -> table().getItems().size())).isEqualTo(kept.size());
        assertThat(text("#asOfLabel")).startsWith("As of").endsWith("connecting…");

        signInMayFinish.countDown();
        waitUntil(() -> !showing("#asOfLabel"));
        assertThat(fx(() -> table().getItems().size())).isEqualTo(kept.size());
    }

    @Test
    void aMainWindowThatFailsAtStartUpLeavesThePersonAtSignInWithAReason() throws Exception {
        // A session the main window cannot be built for: its user has no role the console knows.
        signInMayFinish.countDown();
        openDemo(BookSnapshots.none(), login -> {
            SignedIn real = liNaSignsIn();
            User user = real.session().user();
            return new SignedIn(new Session(real.session().token(), real.session().expiresAt(),
                    new User(user.id(), user.login(), user.displayName(), null)), real.serverUrl(), true);
        });

        waitUntil(() -> showing("#login"));
        assertThat(showing(".starting-root")).isFalse();
        assertThat(text("#errorMessage")).isEqualTo("The console could not open its main window. Sign in again; if it"
                + " happens again, the log file (Settings › About) holds the cause.");

        // And signing in again works.
        clickOn("#login").eraseText(20).write(ManagerBooks.LI_NA);
        clickOn("#serverUrl").write(server.url());
        clickOn("#password").write(TestServer.PASSWORD);
        clickOn("#signInButton");
        waitUntil(() -> showing("#merchantTable") && table().getItems().size() == books.liNasMerchants().size());
    }
}
