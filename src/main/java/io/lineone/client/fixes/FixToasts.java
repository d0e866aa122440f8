package io.lineone.client.fixes;

import io.lineone.api.Fix;
import io.lineone.api.FixStatus;
import io.lineone.client.common.Toasts;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.util.Duration;

/**
 * Fix outcomes as toasts: "Delisted “Tea set” · saves ¥1,234.56" with an Undo button that works for as long as the
 * toast is up and the fix can still be undone (the button greys out once it was undone, here or by anyone, or the
 * connection is down). Later, the fix's row in the ledger offers the same undo. FX thread only.
 */
public final class FixToasts implements FixNotices {

    /** A fix toast stays longer than a notice: it is the quickest way back from a wrong click. */
    static final Duration SHOWN_FOR = Duration.seconds(20);

    private final Toasts toasts;
    private final FixText text;
    /** Per fix on show: whether it is still applied as far as the console knows. */
    private final Map<String, SimpleBooleanProperty> applied = new HashMap<>();
    private FixActions actions;

    public FixToasts(Toasts toasts, FixText text, FixFeed feed) {
        this.toasts = toasts;
        this.text = text;
        feed.onFixes(fixes -> fixes.forEach(fix -> {
            SimpleBooleanProperty still = applied.get(fix.id());
            if (still != null && fix.status() == FixStatus.UNDONE) {
                still.set(false);
                applied.remove(fix.id());
            }
        }));
    }

    /** The actions the Undo buttons run; set once both exist. */
    public void undoWith(FixActions fixActions) {
        this.actions = fixActions;
    }

    @Override
    public void applied(Fix fix) {
        SimpleBooleanProperty still = applied.computeIfAbsent(fix.id(), id -> new SimpleBooleanProperty(true));
        still.set(FixText.undoable(fix, actions.clock().instant()));
        var enabled = Bindings.and(still, actions.availableProperty());
        toasts.show(text.done(fix.kind(), fix.targetTitle()), text.saved(fix.lossAvertedCents()), "toast-fix",
                new Toasts.ToastAction(text.messages().get("fixes.undo"), enabled, () -> actions.undo(fix)), SHOWN_FOR);
    }

    @Override
    public void undone(Fix fix) {
        toasts.show(text.messages().format("fixes.undone", text.kind(fix.kind()), fix.targetTitle()), null, null, null);
    }

    @Override
    public void failed(String message) {
        toasts.show(message, null, "toast-error", null);
    }
}
