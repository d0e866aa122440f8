package io.lineone.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Role;
import io.lineone.api.User;
import io.lineone.testing.StoreRows;
import io.lineone.testing.StoreTest;
import io.lineone.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;

class TokenStoreTest {

    private static final Instant CREATED = Instant.parse("2026-11-11T08:00:00Z");
    private static final Instant EXPIRES = CREATED.plus(Duration.ofHours(12));

    private static void insert(TestDatabase t, String hash, String userId) {
        t.db().inTransaction(connection -> {
            new TokenStore(t.db()).insert(connection, hash, userId, CREATED, EXPIRES);
            return null;
        });
    }

    @StoreTest
    void aTokenIsLiveUntilItsExpiryInstantExclusive(TestDatabase t) {
        User user = StoreRows.user(t.db(), "usr_1", "li.na", Role.MANAGER);
        insert(t, "hash-1", user.id());
        TokenStore tokens = new TokenStore(t.db());

        assertThat(tokens.activeUser("hash-1", CREATED)).contains(user);
        assertThat(tokens.activeUser("hash-1", EXPIRES.minusMillis(1))).contains(user);
        assertThat(tokens.activeUser("hash-1", EXPIRES)).isEmpty();
        assertThat(tokens.activeUser("hash-1", EXPIRES.plusSeconds(3600))).isEmpty();
        assertThat(tokens.activeUser("hash-unknown", CREATED)).isEmpty();
    }

    @StoreTest
    void revokingEndsOneTokenOnlyAndOnlyOnce(TestDatabase t) {
        User user = StoreRows.user(t.db(), "usr_1", "li.na", Role.MANAGER);
        insert(t, "hash-1", user.id());
        insert(t, "hash-2", user.id());
        TokenStore tokens = new TokenStore(t.db());
        Instant now = CREATED.plusSeconds(60);

        assertThat(t.db().<Boolean>inTransaction(connection -> tokens.revoke(connection, "hash-1", now))).isTrue();
        assertThat(t.db().<Boolean>inTransaction(connection -> tokens.revoke(connection, "hash-1", now))).isFalse();
        assertThat(t.db().<Boolean>inTransaction(connection -> tokens.revoke(connection, "hash-unknown", now))).isFalse();

        assertThat(tokens.activeUser("hash-1", now)).isEmpty();
        assertThat(tokens.activeUser("hash-2", now)).contains(user);
    }

    @StoreTest
    void aRolledBackRevocationLeavesTheTokenLive(TestDatabase t) {
        User user = StoreRows.user(t.db(), "usr_1", "li.na", Role.MANAGER);
        insert(t, "hash-1", user.id());
        TokenStore tokens = new TokenStore(t.db());

        try {
            t.db().inTransaction(connection -> {
                tokens.revoke(connection, "hash-1", CREATED);
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }

        assertThat(tokens.activeUser("hash-1", CREATED)).contains(user);
    }
}
