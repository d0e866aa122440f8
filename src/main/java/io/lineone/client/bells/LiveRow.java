package io.lineone.client.bells;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One release or bell in a live list: the row stays while newer versions of its value replace each other, so
 * lists and tables keep their selection and cells follow the value.
 */
public final class LiveRow<T> {

    private final String id;
    private final ReadOnlyObjectWrapper<T> value;

    LiveRow(String id, T value) {
        this.id = id;
        this.value = new ReadOnlyObjectWrapper<>(value);
    }

    public String id() {
        return id;
    }

    public T get() {
        return value.get();
    }

    void set(T next) {
        value.set(next);
    }

    public ReadOnlyObjectProperty<T> valueProperty() {
        return value.getReadOnlyProperty();
    }
}
