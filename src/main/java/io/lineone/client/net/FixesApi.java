package io.lineone.client.net;

import io.lineone.api.Fix;
import io.lineone.api.FixOption;
import io.lineone.api.FixPreview;
import io.lineone.api.FixRequest;
import io.lineone.api.Ledger;
import io.lineone.api.NewFix;
import io.lineone.api.Page;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** One-click fixes and the ledger of the loss they averted. */
public interface FixesApi {

    /** How {@code GET /ledger} groups its rows. */
    enum LedgerGroup {
        WEEK, MERCHANT, MANAGER;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The fixes that apply to an issue ({@code issueId}) or to a listing ({@code listingId}); pass one of them. */
    List<FixOption> fixOptions(String issueId, String listingId) throws BackendException;

    /** What a fix would change, the loss it averts and the target's version to confirm against. */
    FixPreview previewFix(FixRequest request) throws BackendException;

    /**
     * Applies a previewed fix. Sending the same {@code idempotencyKey} with the same body again returns the first
     * answer and applies nothing twice, so a send that may or may not have arrived is simply retried.
     *
     * @throws BackendException {@link BackendException.Kind#STALE} if the target changed since the preview
     */
    Fix applyFix(NewFix fix, String idempotencyKey) throws BackendException;

    /**
     * Puts back what a fix changed.
     *
     * @throws BackendException 409 if the target changed since, or the fix is past its undo window
     */
    Fix undoFix(String id) throws BackendException;

    /** One page of fixes, newest first; null filters match everything the caller may see. */
    Page<Fix> fixes(String merchantId, String issueId, String cursor, Integer limit) throws BackendException;

    Fix fix(String id) throws BackendException;

    /** Loss averted by the fixes applied in {@code [from, to)}, grouped. */
    Ledger ledger(Instant from, Instant to, LedgerGroup groupBy) throws BackendException;
}
