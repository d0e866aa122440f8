package io.lineone.api;

/** A fix is applied until it is undone. */
public enum FixStatus {
    APPLIED,
    UNDONE
}
