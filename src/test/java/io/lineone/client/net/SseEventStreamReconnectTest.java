package io.lineone.client.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lineone.client.net.EventStream.Opened;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Whether a reconnection may have lost events, as the stream tells its owner: against a scripted server that
 * ends each stream after one event and answers the next connection as the test says.
 */
class SseEventStreamReconnectTest {

    /** One event, then the server ends the stream: the client reconnects with {@code Last-Event-ID: 7}. */
    private static final String ONE_EVENT = ": connected\n\nid: 7\nevent: merchant.updated\ndata: {}\n\n";

    private final List<String> resumedFrom = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private EventStream stream;

    @AfterEach
    void stop() {
        if (stream != null) {
            stream.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    /** Serves {@code GET /events}: the first connection gets {@link #ONE_EVENT}, later ones {@code later}. */
    private String serve(Function<String, Integer> later) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/events", exchange -> answer(exchange, later));
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
    }

    private void answer(HttpExchange exchange, Function<String, Integer> later) throws IOException {
        String lastEventId = exchange.getRequestHeaders().getFirst("Last-Event-ID");
        resumedFrom.add(String.valueOf(lastEventId));
        int status = resumedFrom.size() == 1 ? 200 : later.apply(lastEventId);
        byte[] body = (status == 200 ? ONE_EVENT
                : "{\"title\":\"Bad Request\",\"status\":400,\"detail\":\"cannot resume\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "text/event-stream" : "application/problem+json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private SseEventStreamTest.Recorder open(String url) {
        SseEventStreamTest.Recorder recorder = new SseEventStreamTest.Recorder();
        stream = SseEventStream.open(new OkHttpClient(), lastEventId -> {
            Request.Builder request = new Request.Builder().url(url).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", Long.toString(lastEventId));
            }
            return request.build();
        }, new Backoff(Duration.ofMillis(20), Duration.ofMillis(40), () -> 0.5), null, recorder);
        return recorder;
    }

    @Test
    void aReconnectionTheServerResumesSaysNothingWasMissed() throws Exception {
        SseEventStreamTest.Recorder recorder = open(serve(lastEventId -> 200));

        assertThat(recorder.open()).isEqualTo(Opened.FIRST);
        assertThat(recorder.open()).isEqualTo(Opened.RESUMED);
        assertThat(resumedFrom.subList(0, 2)).containsExactly("null", "7");
    }

    @Test
    void aReconnectionTheServerCannotResumeStartsAfreshAndSaysEventsMayBeMissing() throws Exception {
        // The server refuses to resume from 7 (400); the stream then asks for "from now on".
        SseEventStreamTest.Recorder recorder = open(serve(lastEventId -> lastEventId == null ? 200 : 400));

        assertThat(recorder.open()).isEqualTo(Opened.FIRST);
        assertThat(recorder.open()).isEqualTo(Opened.RESTARTED);
        assertThat(resumedFrom.subList(0, 3)).containsExactly("null", "7", "null");
        assertThat(recorder.stopped.poll(0, TimeUnit.SECONDS)).as("a refused id is no reason to stop").isNull();
    }
}
