package io.lineone.server.events;

/**
 * Where one subscriber's stream goes: the HTTP response, or a test double. It never makes the caller wait for
 * the client: {@link #write} starts writing (and flushing) and returns; {@link Written} is told once the bytes
 * are out or the write failed. One write at a time: the next starts after the previous one was answered.
 */
interface EventSink {

    void write(byte[] bytes, Written done);

    /** Ends the stream; must not throw. */
    void close();

    /** The answer to one {@link #write}; called exactly once, on any thread. */
    interface Written {

        void written();

        void failed(Throwable error);
    }
}
