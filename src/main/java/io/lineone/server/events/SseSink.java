package io.lineone.server.events;

import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes frames straight to the response: bytes we encoded once as UTF-8, one flush per batch. Javalin's
 * {@link SseClient} is kept for what it does well — holding the async response open and ending it.
 */
final class SseSink implements EventSink {

    private final SseClient client;
    private final OutputStream out;

    SseSink(SseClient client) throws IOException {
        this.client = client;
        this.out = client.ctx().res().getOutputStream();
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (RuntimeException e) {
            // already gone
        }
    }
}
