package io.lineone.client.fixes;

import io.lineone.api.Fix;

/** Where the outcome of a fix or an undo is told (the console's toasts; a test's record). UI thread. */
public interface FixNotices {

    /** A fix was applied: say what was done and offer to undo it. */
    void applied(Fix fix);

    /** A fix was undone. */
    void undone(Fix fix);

    /** An undo (or a fix sent from outside the dialog) failed; {@code message} says why in the user's words. */
    void failed(String message);
}
