package io.lineone.client.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.client.common.ConnectionStatus.State;
import io.lineone.client.net.FakeBackend;
import org.junit.jupiter.api.Test;

/** One model of the link: what calls learn and what the event stream says, shown as one state. */
class ConnectionStatusTest {

    private final ConnectionStatus connection = new ConnectionStatus();

    @Test
    void callsAloneMakeTheConsoleOnlineOrOffline() {
        assertThat(connection.state()).isEqualTo(State.CHECKING);
        connection.reportFailure(FakeBackend.status(404));
        assertThat(connection.state()).as("a 404 is an answer").isEqualTo(State.ONLINE);
        connection.reportFailure(FakeBackend.unreachable());
        assertThat(connection.state()).isEqualTo(State.OFFLINE);
        connection.reportSuccess();
        assertThat(connection.state()).isEqualTo(State.ONLINE);
        assertThat(connection.streamProperty().get()).isEqualTo(State.CHECKING);
    }

    @Test
    void theStreamMakesItLiveAndAFailedCallDoesNotEndThat() {
        connection.reportLive();
        assertThat(connection.state()).isEqualTo(State.LIVE);

        connection.reportFailure(FakeBackend.unreachable());
        assertThat(connection.state()).as("the status bar says the call could not reach the server")
                .isEqualTo(State.OFFLINE);
        assertThat(connection.streamProperty().get()).as("the live screens go by the stream").isEqualTo(State.LIVE);
        connection.reportSuccess();
        assertThat(connection.state()).as("the next answer: live again").isEqualTo(State.LIVE);
    }

    @Test
    void whileTheStreamIsDownAnAnsweredCallKeepsItSo() {
        connection.reportLive();
        connection.reportStreamDown(false);
        assertThat(connection.state()).isEqualTo(State.RECONNECTING);
        connection.reportSuccess();
        assertThat(connection.state()).as("nothing is live until the stream is back").isEqualTo(State.RECONNECTING);
        connection.reportStreamDown(true);
        assertThat(connection.state()).isEqualTo(State.OFFLINE);
        assertThat(connection.streamProperty().get().behind()).isTrue();
    }

    @Test
    void aStoppedStreamLeavesTheConsoleOnline() {
        connection.reportLive();
        connection.reportStopped();
        assertThat(connection.streamProperty().get()).isEqualTo(State.STOPPED);
        assertThat(connection.streamProperty().get().behind()).isTrue();
        assertThat(connection.state()).isEqualTo(State.ONLINE);
    }
}
