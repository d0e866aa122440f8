package io.lineone.api;

/** What a merchant timeline entry records. */
public enum TimelineKind {
    ISSUE_OPENED, ISSUE_RESOLVED, MESSAGE, NOTE, FIX_APPLIED, FIX_UNDONE, BELL_PULLED, REASSIGNED, SCORE_CHANGED
}
