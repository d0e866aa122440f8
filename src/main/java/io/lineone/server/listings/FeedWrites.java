package io.lineone.server.listings;

import io.lineone.server.core.Caller;
import io.lineone.server.core.DomainException;
import io.lineone.server.db.Database;
import io.lineone.server.db.IdempotencyKeys;
import io.lineone.server.db.StoreException;
import io.lineone.server.db.Tx;
import io.lineone.server.events.Committed;
import io.lineone.server.events.EventPublisher;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The feed's writes in one transaction each, retried safely with an {@code Idempotency-Key}: a retry answers what
 * the first made (read again), a concurrent duplicate waits for the first and then answers the same, and the key
 * with another request is UNPROCESSABLE. Events are published once the transaction has committed.
 */
public final class FeedWrites {

    private final Database db;
    private final IdempotencyKeys keys;
    private final EventPublisher publisher;

    public FeedWrites(Database db, IdempotencyKeys keys, EventPublisher publisher) {
        this.db = db;
        this.keys = keys;
        this.publisher = publisher;
    }

    /**
     * Runs {@code work}; with a key, first answers a replay by {@code replay} of the resource the key made.
     *
     * @param resourceId what this request makes or changes, recorded with the key
     */
    <T> T write(Caller caller, String scope, String key, String requestHash, String resourceId, Instant now,
                Function<String, T> replay, Database.SqlFunction<Tx, Committed<T>> work) {
        if (key != null) {
            Optional<T> earlier = replay(caller, scope, key, requestHash, replay);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        try {
            return db.inTransaction(tx -> {
                if (key != null) {
                    keys.claim(tx, scope, caller.id(), key, new IdempotencyKeys.Claim(requestHash, resourceId), now);
                }
                return work.apply(tx);
            }).publishTo(publisher);
        } catch (StoreException e) {
            if (key != null && IdempotencyKeys.lostTheRace(e)) {
                return replay(caller, scope, key, requestHash, replay).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private <T> Optional<T> replay(Caller caller, String scope, String key, String requestHash,
                                   Function<String, T> replay) {
        Optional<IdempotencyKeys.Claim> claim = keys.find(scope, caller.id(), key);
        if (claim.isEmpty()) {
            return Optional.empty();
        }
        if (!claim.get().requestHash().equals(requestHash)) {
            throw DomainException.of(DomainException.Kind.UNPROCESSABLE, "feed.keyReused");
        }
        return Optional.of(replay.apply(claim.get().resourceId()));
    }
}
