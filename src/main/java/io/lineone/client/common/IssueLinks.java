package io.lineone.client.common;

/** Issues asked to be shown: the main window turns to the queue, and the queue selects the issue and opens it. */
public final class IssueLinks extends Wanted {
}
