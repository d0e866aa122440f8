package io.lineone.server.issues;

/**
 * What the issues feature must know of releases without depending on them: which exist, so an issue can name
 * one, and whom a release answers to, so its owner may read the customers' voice raised against it.
 */
public interface ReleaseDirectory {

    boolean exists(String releaseId);

    /**
     * Whether {@code userId} owns the release {@code releaseId} (which may be null), or a release one of whose
     * bells cites issue {@code issueId} as evidence.
     */
    boolean answersFor(String userId, String issueId, String releaseId);
}
