package io.lineone.client.notices;

import java.time.Instant;

/**
 * One notification the console raised, kept for the notification centre.
 *
 * @param issueId the issue a click opens; null when the notice is not about one issue
 */
public record Notice(Kind kind, String title, String body, String issueId, Instant at) {

    /** What a notice is about; each kind has its own icon and colour. */
    public enum Kind {
        /** A new P1 issue. */
        URGENT,
        /** A bell that concerns the user. */
        BELL,
        /** A merchant wrote. */
        MESSAGE,
        /** An issue was given to the user or taken from them. */
        ASSIGNMENT;

        public String labelKey() {
            return "notices.kind." + name();
        }
    }
}
