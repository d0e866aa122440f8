package io.lineone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Merchant;
import io.lineone.api.Role;
import io.lineone.api.User;
import io.lineone.client.AppWiring;
import io.lineone.client.common.Messages;
import io.lineone.client.common.SignedIn;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.common.TestDemo;
import io.lineone.client.merchants.BookSnapshot;
import io.lineone.client.merchants.BookSnapshots;
import io.lineone.client.merchants.MerchantRow;
import io.lineone.client.net.BackendClient;
import io.lineone.testing.ManagerBooks;
import io.lineone.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console started on the demo workspace with the last session's book kept: the table fills from it before the
 * backend has answered, marked and usable, and the server's book then takes its place; a kept book that is corrupt,
 * old or another user's is never shown; signing out forgets it.
 */
class StartFromSnapshotUiTest extends SeededConsoleTestBase {

    private static final String GONE = "已转出的旧商户";

    @TempDir
    Path data;

    private BookSnapshots snapshots;
    /** Counted down to let the demo's sign-in go on. */
    private final CountDownLatch signInMayFinish = new CountDownLatch(1);
    private final CountDownLatch signInStarted = new CountDownLatch(1);

    @Start
    void start(Stage primary) {
        prepare(primary);
    }

    private User liNa() {
        return new User(books.liNasMerchants().get(0).assignedManagerId(), ManagerBooks.LI_NA, "李娜", Role.MANAGER);
    }

    /** Opens the "demo workspace" (the test server as li.na) as the launcher does; its sign-in waits for the test. */
    private void openDemo() {
        snapshots = snapshots == null ? BookSnapshots.in(data) : snapshots;
        Messages messages = Messages.forLocale(Locale.ENGLISH);
        BackendClient backend = BackendClient.withDefaults(messages.locale());
        OneWorker executor = new OneWorker();
        demo = TestDemo.of(login -> {
            signInStarted.countDown();
            signInMayFinish.await(20, TimeUnit.SECONDS);
            return new SignedIn(backend.signIn(server.url(), ManagerBooks.LI_NA, TestServer.PASSWORD), server.url(),
                    true);
        });
        wiring = new AppWiring(messages, settings, executor, backend, demo, ABOUT, snapshots, List.of(executor));
        interact(() -> wiring.start(stage, Optional.empty()));
    }

    /** Li Na's book as kept a while ago: her first merchant's counts since changed, and one merchant since gone. */
    private void keepOldBook(User owner) throws Exception {
        List<Merchant> kept = new ArrayList<>(books.liNasMerchants());
        Merchant first = kept.get(0);
        kept.set(0, new Merchant(first.id(), first.name(), first.shopName(), first.tier(), first.category(),
                first.region(), first.assignedManagerId(), first.assignedManagerName(), first.metrics(),
                first.lighthouseScore(), first.band(), 42, 4_200_00, first.lastContactAt(), false, first.version()));
        kept.add(new Merchant("m-gone", GONE, "旧店", first.tier(), first.category(), first.region(),
                first.assignedManagerId(), first.assignedManagerName(), null, null, null, 0, 0, null, false, 1));
        snapshots = BookSnapshots.in(data);
        snapshots.write(BookSnapshot.of(BookSnapshots.DEMO, owner, Instant.parse("2026-12-01T06:02:00Z"), kept));
    }

    private MerchantRow row(String id) {
        return fx(() -> table().getItems().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null));
    }

    @Test
    void theKeptBookIsUsableBeforeSignInThenTheServersTakesItsPlace() throws Exception {
        keepOldBook(liNa());
        Merchant first = books.liNasMerchants().get(0);
        openDemo();

        // Sign-in has not finished: the table shows the kept book, marked, and can be searched.
        assertThat(signInStarted.await(20, TimeUnit.SECONDS)).isTrue();
        waitUntil(() -> showing("#merchantTable") && shownNames().contains(GONE));
        assertThat(text("#asOfLabel")).startsWith("As of").endsWith("connecting…");
        assertThat(row(first.id()).merchant().openIssues()).isEqualTo(42);
        int all = fx(() -> table().getItems().size());
        clickOn("#searchField").write(GONE.substring(0, 3));
        waitUntil(() -> shownNames().equals(List.of(GONE)));
        eraseText(3);
        waitUntil(() -> table().getItems().size() == all);
        clickOn("#searchField").write(first.name());
        waitUntil(() -> shownNames().equals(List.of(first.name())));

        signInMayFinish.countDown();

        // The server's book replaces it: the changed row shows the server's counts, the gone merchant leaves, the
        // search typed meanwhile still applies, and the mark goes.
        waitUntil(() -> row(first.id()) != null && row(first.id()).merchant().openIssues() != 42);
        waitUntil(() -> !showing("#asOfLabel"));
        assertThat(text("#searchField")).isEqualTo(first.name());
        assertThat(shownNames()).containsExactly(first.name());
        fx(() -> {
            lookup("#searchField").queryTextInputControl().clear();
            return null;
        });
        waitUntil(() -> table().getItems().size() == books.liNasMerchants().size());
        assertThat(shownNames()).doesNotContain(GONE);
        // The server's book is kept for the next start.
        waitUntil(() -> snapshots.read(BookSnapshots.DEMO, ManagerBooks.LI_NA).map(s -> s.rows().stream()
                .noneMatch(r -> r.merchant().name().equals(GONE))).orElse(false));
    }

    @Test
    void aCorruptOrOldKeptBookIsIgnored() throws Exception {
        snapshots = BookSnapshots.in(data);
        Path file = snapshots.file(BookSnapshots.DEMO, ManagerBooks.LI_NA);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"format\":0,\"rows\":[]}");
        openDemo();

        assertThat(signInStarted.await(20, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(showing("#merchantTable")).isFalse();
        signInMayFinish.countDown();
        waitUntil(() -> showing("#merchantTable") && table().getItems().size() == books.liNasMerchants().size());
        // Replaced by this session's book.
        waitUntil(() -> snapshots.read(BookSnapshots.DEMO, ManagerBooks.LI_NA).isPresent());
    }

    @Test
    void anotherUsersKeptBookIsNeverShown() throws Exception {
        keepOldBook(new User(books.wangWeisMerchants().get(0).assignedManagerId(), ManagerBooks.WANG_WEI, "王伟",
                Role.MANAGER));
        openDemo();

        // The kept books were looked at before the sign-in began: none is Li Na's, so the window waits for hers.
        assertThat(signInStarted.await(20, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(showing(".starting-root")).isTrue();
        assertThat(showing("#merchantTable")).isFalse();

        signInMayFinish.countDown();
        waitUntil(() -> showing("#merchantTable") && table().getItems().size() == books.liNasMerchants().size());
        assertThat(shownNames()).doesNotContain(GONE).doesNotContainAnyElementsOf(
                books.wangWeisMerchants().stream().map(Merchant::name).toList());
    }

    @Test
    void signingOutForgetsTheKeptBook() throws Exception {
        signInMayFinish.countDown();
        openDemo();
        waitUntil(() -> showing("#merchantTable") && !table().getItems().isEmpty());
        waitUntil(() -> snapshots.read(BookSnapshots.DEMO, ManagerBooks.LI_NA).isPresent());

        clickOn("#signOutButton");

        waitUntil(() -> showing("#login"));
        waitUntil(() -> !Files.exists(snapshots.file(BookSnapshots.DEMO, ManagerBooks.LI_NA)));
    }

    /**
     * The console's executor with one worker, so the start-up's steps run in the order the console asks for them:
     * the kept book is read before the demo's sign-in begins.
     */
    private static final class OneWorker implements TaskExecutor, AutoCloseable {

        private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "one-worker");
            thread.setDaemon(true);
            return thread;
        });

        @Override
        public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess,
                                Consumer<? super Exception> onFailure) {
            worker.execute(() -> {
                try {
                    T result = work.call();
                    Platform.runLater(() -> onSuccess.accept(result));
                } catch (Exception e) {
                    Platform.runLater(() -> onFailure.accept(e));
                }
            });
        }

        @Override
        public void close() {
            worker.shutdownNow();
        }
    }
}
