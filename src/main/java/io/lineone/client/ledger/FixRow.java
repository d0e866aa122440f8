package io.lineone.client.ledger;

import io.lineone.api.Fix;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One fix in the ledger's list; its newer versions (an undo) replace it in place. */
public final class FixRow {

    private final String id;
    private final ReadOnlyObjectWrapper<Fix> fix;

    FixRow(Fix fix) {
        this.id = fix.id();
        this.fix = new ReadOnlyObjectWrapper<>(fix);
    }

    public String id() {
        return id;
    }

    public Fix fix() {
        return fix.get();
    }

    /** Keeps the newer of the two. */
    void update(Fix newer) {
        if (newer.version() >= fix.get().version()) {
            fix.set(newer);
        }
    }

    public ReadOnlyObjectProperty<Fix> fixProperty() {
        return fix.getReadOnlyProperty();
    }
}
