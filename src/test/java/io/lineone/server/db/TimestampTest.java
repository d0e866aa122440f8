package io.lineone.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Role;
import io.lineone.api.User;
import io.lineone.server.audit.AuditLog;
import io.lineone.server.auth.TokenStore;
import io.lineone.testing.StoreRows;
import io.lineone.testing.StoreTest;
import io.lineone.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;

/** Instants go in and come out unchanged: UTC, to the microsecond, whatever the JVM's time zone. */
class TimestampTest {

    private static final List<Instant> INSTANTS = List.of(
            Instant.parse("2026-11-11T00:00:00Z"),
            Instant.parse("2026-11-11T23:59:59.999Z"),
            Instant.parse("2026-03-29T01:30:00.123456Z"),
            Instant.parse("1999-12-31T16:00:00.001Z"),
            Instant.parse("2038-01-19T03:14:08.5Z"));

    private static void roundTrip(Database db, String prefix) {
        AuditLog audit = new AuditLog(db);
        for (int i = 0; i < INSTANTS.size(); i++) {
            AuditLog.Entry entry = new AuditLog.Entry(null, "t", "time", prefix + i, null, null, null, INSTANTS.get(i));
            db.inTransaction(connection -> {
                audit.append(connection, entry);
                return null;
            });
            assertThat(audit.forTarget("time", prefix + i)).extracting(AuditLog.Entry::at).containsExactly(INSTANTS.get(i));
        }
    }

    @StoreTest
    void instantsRoundTripExactly(TestDatabase t) {
        roundTrip(t.db(), "utc-");
    }

    @StoreTest
    void instantsRoundTripExactlyUnderAnotherJvmTimeZone(TestDatabase t) {
        TimeZone original = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
        try (Database shanghai = t.reopen()) {
            roundTrip(shanghai, "sh-");
        } finally {
            TimeZone.setDefault(original);
        }
        // Written under UTC+8, read under the default zone: still the same instants.
        for (int i = 0; i < INSTANTS.size(); i++) {
            assertThat(new AuditLog(t.db()).forTarget("time", "sh-" + i)).extracting(AuditLog.Entry::at)
                    .containsExactly(INSTANTS.get(i));
        }
    }

    @StoreTest
    void tokenExpiryComparesInstantsNotLocalTimes(TestDatabase t) {
        User user = StoreRows.user(t.db(), "usr_1", "li.na", Role.MANAGER);
        Instant expires = Instant.parse("2026-11-11T12:00:00.500Z");
        t.db().inTransaction(connection -> {
            new TokenStore(t.db()).insert(connection, "h", user.id(), expires.minusSeconds(60), expires);
            return null;
        });
        TimeZone original = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
        try (Database elsewhere = t.reopen()) {
            TokenStore tokens = new TokenStore(elsewhere);
            assertThat(tokens.activeUser("h", expires.minusMillis(1))).contains(user);
            assertThat(tokens.activeUser("h", expires)).isEmpty();
        } finally {
            TimeZone.setDefault(original);
        }
    }
}
