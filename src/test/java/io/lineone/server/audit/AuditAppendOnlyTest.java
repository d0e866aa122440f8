package io.lineone.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lineone.server.db.Database;
import io.lineone.server.db.StoreException;
import io.lineone.testing.StoreTest;
import io.lineone.testing.TestDatabase;
import java.time.Instant;

/**
 * The audit trail cannot be rewritten through the application's own connections (its pool, its account): an
 * UPDATE, a DELETE and, on PostgreSQL, a TRUNCATE of {@code audit_event} fail and change nothing, while appending
 * goes on as ever.
 */
class AuditAppendOnlyTest {

    private static final Instant AT = Instant.parse("2026-11-11T08:00:00Z");
    private static final AuditLog.Entry FIX = new AuditLog.Entry("usr_li", "fix.apply", "fix", "fix_1",
            "{\"status\":\"LIVE\"}", "{\"status\":\"DELISTED\"}", "req-1", AT);

    @StoreTest
    void theApplicationsConnectionCanAppendButNeitherUpdateNorDeleteTheAuditTrail(TestDatabase t) {
        AuditLog audit = new AuditLog(t.db());
        t.db().inTransaction(tx -> {
            audit.append(tx, FIX);
            return null;
        });

        assertRefused(t.db(), "update audit_event set actor_id = 'usr_someone_else' where target_id = 'fix_1'");
        assertRefused(t.db(), "update audit_event set after_json = null");
        assertRefused(t.db(), "delete from audit_event where target_id = 'fix_1'");
        assertRefused(t.db(), "delete from audit_event");
        if (t.db().kind() == Database.Kind.POSTGRESQL) {
            assertRefused(t.db(), "truncate audit_event");
        }

        assertThat(audit.forTarget("fix", "fix_1")).as("the entry as it was written").containsExactly(FIX);
        AuditLog.Entry undo = new AuditLog.Entry("usr_li", "fix.undo", "fix", "fix_1",
                "{\"status\":\"DELISTED\"}", "{\"status\":\"LIVE\"}", "req-2", AT.plusSeconds(60));
        t.db().inTransaction(tx -> {
            audit.append(tx, undo);
            return null;
        });
        assertThat(audit.forTarget("fix", "fix_1")).as("appending still works").containsExactly(FIX, undo);
    }

    private static void assertRefused(Database db, String sql) {
        assertThatThrownBy(() -> db.inTransaction(tx -> tx.update(sql)))
                .as(sql)
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("append-only");
    }
}
