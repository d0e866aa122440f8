package io.lineone.client.net;

import io.lineone.api.Bell;
import io.lineone.api.BellMetrics;
import io.lineone.api.BellStatus;
import io.lineone.api.NewBell;
import io.lineone.api.Page;
import io.lineone.api.Release;
import io.lineone.api.ReleaseAdvance;
import io.lineone.api.ReleaseStage;
import java.util.List;

/** Releases, and the bells that stop them. */
public interface BellsApi {

    /** One page of releases; {@code stage} null for every stage, {@code mine} for the caller's own only. */
    Page<Release> releases(ReleaseStage stage, boolean mine, String cursor, Integer limit) throws BackendException;

    /** Every release, all pages fetched. */
    default List<Release> allReleases() throws BackendException {
        return Pages.all(cursor -> releases(null, false, cursor, Pages.MAX));
    }

    /** One release with its bells and the issues that name it. */
    Release release(String id) throws BackendException;

    /**
     * Moves a release on (its owner only).
     *
     * @throws BackendException 409 while a bell blocks it
     */
    Release advanceRelease(String id, ReleaseAdvance advance) throws BackendException;

    /** One page of bells, newest first; null filters match everything. */
    Page<Bell> bells(BellStatus status, String releaseId, boolean overdueOnly, String cursor, Integer limit)
            throws BackendException;

    /** Every bell, all pages fetched. */
    default List<Bell> allBells() throws BackendException {
        return Pages.all(cursor -> bells(null, null, false, cursor, Pages.MAX));
    }

    Bell bell(String id) throws BackendException;

    /** How the last year's bells went, by product area and month. */
    BellMetrics bellMetrics() throws BackendException;

    /**
     * Pulls a bell on a release. Sending the same {@code idempotencyKey} with the same body again returns the
     * first answer and pulls nothing twice, so a send that may or may not have arrived is simply retried.
     *
     * @throws BackendException 422 if the key was used with another body
     */
    Bell pullBell(String releaseId, NewBell bell, String idempotencyKey) throws BackendException;

    /**
     * One step of a bell's workflow.
     *
     * @param text the step's note, or for {@link BellAction#OVERRULE} the required justification; may be null
     */
    Bell stepBell(String id, BellAction action, String text) throws BackendException;

    Bell commentOnBell(String id, String text) throws BackendException;

    Bell addBellEvidence(String id, List<String> issueIds) throws BackendException;
}
