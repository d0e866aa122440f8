package io.lineone.client.common;

/** What a screen shows instead of, or as, its content; {@link StatePanes} shows the matching pane. */
public enum ScreenState {
    /** The first read is under way and there is nothing to show yet. */
    LOADING,
    /** The first read failed; the screen says why and offers to retry. */
    ERROR,
    /** Read, and there is nothing. */
    EMPTY,
    READY
}
