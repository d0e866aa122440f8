package io.lineone.api;

/** How hard a bell stops the line; it sets how soon the release owner must acknowledge it. */
public enum BellSeverity {
    BLOCKER,
    MAJOR
}
