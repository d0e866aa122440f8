package io.lineone.api;

/**
 * Where an issue stands. The usual path is NEW → ACKNOWLEDGED → IN_PROGRESS → WAITING_MERCHANT → RESOLVED;
 * the server's workflow allows a few shortcuts (see {@code IssueWorkflow}). RESOLVED is final.
 */
public enum IssueStatus {
    NEW,
    ACKNOWLEDGED,
    IN_PROGRESS,
    WAITING_MERCHANT,
    RESOLVED;

    public boolean isOpen() {
        return this != RESOLVED;
    }
}
