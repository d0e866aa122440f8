package io.lineone.client.merchants;

import io.lineone.api.TimelineKind;

/** The lines of the detail pane's sections, formatted for the user. */
final class DetailLines {

    private DetailLines() {
    }

    /** One metric of the scorecard against its target. */
    record Score(String key, String label, String value, String target, boolean met, String verdict) {
    }

    /** One open issue of the merchant; choosing it opens it in the queue. */
    record OpenIssue(String id, String title, String meta) {
    }

    /** One fix applied to the merchant's listings or account. */
    record FixLine(String id, String title, String meta) {
    }

    /** One entry of the timeline, newest first. */
    record Timeline(String id, TimelineKind kind, String title, String meta, String exact) {
    }
}
