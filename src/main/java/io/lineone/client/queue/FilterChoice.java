package io.lineone.client.queue;

import java.util.ArrayList;
import java.util.List;

/** One entry of a filter list: a value, or null for "any". */
public record FilterChoice<T>(T value) {

    static <T> FilterChoice<T> any() {
        return new FilterChoice<>(null);
    }

    /** "Any" first, then one entry per value. */
    @SafeVarargs
    static <T> List<FilterChoice<T>> anyOr(T... values) {
        List<FilterChoice<T>> choices = new ArrayList<>(values.length + 1);
        choices.add(any());
        for (T value : values) {
            choices.add(new FilterChoice<>(value));
        }
        return choices;
    }

    boolean accepts(T candidate) {
        return value == null || value.equals(candidate);
    }
}
