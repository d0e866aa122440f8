package io.lineone.server.events;

import java.util.List;

/**
 * What a transaction produced and the events it appended: returned from the transaction, published once it has
 * committed, so no subscriber hears of a change that was rolled back.
 */
public record Committed<T>(T value, List<EventLog.StoredEvent> events) {

    public T publishTo(EventPublisher publisher) {
        publisher.published(events);
        return value;
    }
}
