package io.lineone.api;

/** What the issues of a cluster share: a root-cause tag, or the release they name. */
public enum ClusterKind { ROOT_CAUSE, RELEASE }
