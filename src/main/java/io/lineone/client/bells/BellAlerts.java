package io.lineone.client.bells;

import io.lineone.api.Bell;
import io.lineone.api.BellStatus;
import io.lineone.api.Release;
import io.lineone.api.Role;
import io.lineone.api.User;
import java.util.Optional;

/**
 * Which bell changes concern the signed-in user enough to interrupt them: a bell pulled or reopened on a release
 * they own, their own bell overruled or marked fixed (their turn to check it), and for a supervisor a bell that
 * went overdue. Their own doing never alerts them.
 */
public final class BellAlerts implements LiveBells.BellChanges {

    /** Where an alert is shown (a desktop notification in the console). */
    public interface Notifier {
        void notify(String title, String body);
    }

    private final User me;
    private final BellText text;
    private final Notifier notifier;

    public BellAlerts(User me, BellText text, Notifier notifier) {
        this.me = me;
        this.text = text;
        this.notifier = notifier;
    }

    @Override
    public void changed(Bell before, Bell after, Release release) {
        concern(before, after, release).ifPresent(key -> notifier.notify(
                text.messages().format("bells.alert." + key + ".title", after.releaseName()),
                text.messages().format("bells.alert." + key + ".body", after.pulledByName(), after.reason(),
                        after.justification() == null ? "" : after.justification())));
    }

    /** The kind of alert this change is for the user, as the suffix of its bundle keys, if any. */
    Optional<String> concern(Bell before, Bell after, Release release) {
        boolean ownsRelease = release != null && me.id().equals(release.ownerId());
        boolean pulledIt = me.id().equals(after.pulledBy());
        BellStatus was = before == null ? null : before.status();
        boolean moved = was != after.status();
        if (after.overdue() && (before == null || !before.overdue()) && me.role() == Role.SUPERVISOR) {
            return Optional.of("overdue");
        }
        if (!moved) {
            return Optional.empty();
        }
        if (ownsRelease && after.status() == BellStatus.OPEN) {
            if (was == null && !pulledIt) {
                return Optional.of("pulled");
            }
            if (was == BellStatus.FIXED) {
                return Optional.of("reopened");
            }
        }
        if (pulledIt && after.status() == BellStatus.OVERRULED) {
            return Optional.of("overruled");
        }
        if (pulledIt && after.status() == BellStatus.FIXED) {
            return Optional.of("fixed");
        }
        return Optional.empty();
    }
}
