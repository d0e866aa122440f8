package io.lineone.api;

/** Whether a release may move on: BLOCKED while any of its bells is OPEN, ACKNOWLEDGED or FIXED. */
public enum Gate {
    OPEN,
    BLOCKED
}
