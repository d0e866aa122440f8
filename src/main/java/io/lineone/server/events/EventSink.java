package io.lineone.server.events;

import java.io.IOException;

/** Where one subscriber's stream goes: the HTTP response, or a test double. Used by one thread at a time. */
interface EventSink {

    void write(byte[] bytes) throws IOException;

    void flush() throws IOException;

    /** Ends the stream; must not throw. */
    void close();
}
