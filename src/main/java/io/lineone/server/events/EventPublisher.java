package io.lineone.server.events;

import java.util.List;

/**
 * Told about domain events right after the transaction that wrote them committed (the SSE hub). It must return
 * at once: a writer never waits for subscribers.
 */
@FunctionalInterface
public interface EventPublisher {

    EventPublisher NONE = events -> { };

    void published(List<EventLog.StoredEvent> events);
}
