package io.lineone.client.queue;

import io.lineone.api.Issue;
import java.time.Instant;

/** Told about every issue event applied to the live issues, at the moment it was applied (UI thread). */
public interface AppliedListener {
    void applied(Issue issue, Instant appliedAt);
}
