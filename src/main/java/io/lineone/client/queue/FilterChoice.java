package io.lineone.client.queue;

/** One entry of a filter list: a value, or null for "any". */
public record FilterChoice<T>(T value) {

    static <T> FilterChoice<T> any() {
        return new FilterChoice<>(null);
    }

    boolean accepts(T candidate) {
        return value == null || value.equals(candidate);
    }
}
