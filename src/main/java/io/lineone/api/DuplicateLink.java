package io.lineone.api;

/**
 * Body of {@code POST /issues/{id}/duplicate} (with {@code If-Match} of the duplicate): resolves this issue as a
 * duplicate of {@code originalId}; both issues' histories name the other.
 *
 * @param note optional, for the history
 */
public record DuplicateLink(String originalId, String note) {
}
