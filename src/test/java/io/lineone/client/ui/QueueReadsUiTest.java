package io.lineone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.client.AppWiring;
import io.lineone.client.common.DemoLauncher;
import io.lineone.client.common.TestDemo;
import io.lineone.client.common.TestDemo;
import io.lineone.client.common.FxTaskExecutor;
import io.lineone.client.common.Messages;
import io.lineone.client.common.SignedIn;
import io.lineone.client.net.EventStream.Opened;
import io.lineone.client.net.FakeBackend;
import io.lineone.client.net.Issues;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/**
 * The console wired as in production, over a fake server whose event stream the test plays: how often the issue
 * queue is read from sign-in on.
 */
class QueueReadsUiTest extends ConsoleTestBase {

    private final FakeBackend backend = new FakeBackend();

    @Start
    void start(Stage primary) {
        prepare(primary);
    }

    private void signInToTheDemo() {
        FxTaskExecutor executor = new FxTaskExecutor();
        DemoLauncher demo = TestDemo.of(login -> new SignedIn(
                backend.signIn("http://fake", FakeBackend.LOGIN, FakeBackend.PASSWORD), "http://fake", true));
        wiring = new AppWiring(Messages.forLocale(Locale.ENGLISH), settings, executor, backend, demo, ABOUT,
                List.of(executor));
        interact(() -> {
            wiring.start(stage, Optional.empty());
            stage.requestFocus();
        });
    }

    /** Queue reads so far; the fake counts them on a worker thread that hands its answer to the FX thread. */
    private int reads() {
        return fx(() -> backend.loads);
    }

    private int shownIssues() {
        return fx(() -> lookup("#issueTable").queryAs(TableView.class).getItems().size());
    }

    @Test
    void signInReadsTheQueueOnceAndOnlyAReconnectionThatCannotResumeReadsAgain() throws TimeoutException {
        backend.issues.put("i-1", Issues.issue("i-1").build());
        signInToTheDemo();
        waitUntil(() -> backend.streamListener != null && showing("#navIssues"));
        assertThat(reads()).as("nothing is read before the stream is open").isZero();

        backend.streamListener.onOpen(Opened.FIRST);
        clickOn("#navIssues");
        waitUntil(() -> showing("#issueTable") && shownIssues() == 1);
        assertThat(reads()).as("sign-in reads the queue once").isEqualTo(1);

        backend.streamListener.onDown(false, new IOException("dropped"));
        waitUntil(() -> showing("#linkBanner"));
        backend.streamListener.onOpen(Opened.RESUMED);
        waitUntil(() -> !showing("#linkBanner") && text("#connectionLabel").startsWith("Live"));
        assertThat(reads()).as("a stream that resumed replays what was missed: nothing is read").isEqualTo(1);

        backend.issues.put("i-2", Issues.issue("i-2").build());
        backend.streamListener.onDown(true, new IOException("refused"));
        backend.streamListener.onOpen(Opened.RESTARTED);
        waitUntil(() -> shownIssues() == 2);
        assertThat(reads()).as("a stream that could not resume may have missed events: read again").isEqualTo(2);
    }
}
