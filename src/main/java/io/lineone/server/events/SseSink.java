package io.lineone.server.events;

import io.javalin.http.sse.SseClient;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;

/**
 * Writes frames to the response without holding a thread while the client reads: the servlet's non-blocking
 * output ({@link WriteListener}). A write is the bytes then a flush, each taken as far as the connection accepts
 * now; when it does not, Jetty calls {@link #onWritePossible} later and the write goes on from there. Javalin's
 * {@link SseClient} is kept for what it does well — holding the async response open and ending it.
 */
final class SseSink implements EventSink, WriteListener {

    /** What the current write needs next: its bytes written, a flush, or the flush's end. */
    private enum Stage { IDLE, WRITE, FLUSH, FLUSHED }

    private final SseClient client;
    private final ServletOutputStream out;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private Stage stage = Stage.IDLE;
    private byte[] bytes;
    private Written done;
    private Throwable failure;

    SseSink(SseClient client) throws IOException {
        this.client = client;
        this.out = client.ctx().res().getOutputStream();
        out.setWriteListener(this);
    }

    @Override
    public void write(byte[] frames, Written written) {
        Throwable failed;
        synchronized (lock) {
            failed = failure;
            if (failed == null) {
                bytes = frames;
                done = written;
                stage = Stage.WRITE;
            }
        }
        if (failed != null) {
            written.failed(failed);
            return;
        }
        onWritePossible();
    }

    /**
     * Takes the current write as far as the connection accepts now. {@code isReady()} false means a write or
     * flush is under way, and Jetty calls this again when it is done.
     */
    @Override
    public void onWritePossible() {
        Written finished = null;
        Throwable error = null;
        synchronized (lock) {
            try {
                while (stage != Stage.IDLE && out.isReady()) {
                    switch (stage) {
                        case WRITE -> {
                            byte[] next = bytes;
                            bytes = null;
                            stage = Stage.FLUSH;
                            out.write(next);
                        }
                        case FLUSH -> {
                            stage = Stage.FLUSHED;
                            out.flush();
                        }
                        default -> {
                            stage = Stage.IDLE;
                            finished = done;
                            done = null;
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                error = e;
                failure = e;
                finished = done;
                done = null;
                bytes = null;
                stage = Stage.IDLE;
            }
        }
        if (finished != null) {
            if (error != null) {
                finished.failed(error);
            } else {
                finished.written();
            }
        }
    }

    @Override
    public void onError(Throwable error) {
        Written finished;
        synchronized (lock) {
            failure = error;
            finished = done;
            done = null;
            stage = Stage.IDLE;
        }
        if (finished != null) {
            finished.failed(error);
        }
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
