package io.lineone.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lineone.testing.StoreTest;
import io.lineone.testing.TestDatabase;
import java.time.Instant;

class AuditLogTest {

    private static final Instant AT = Instant.parse("2026-11-11T08:00:00.123456Z");

    private static void append(TestDatabase t, AuditLog.Entry entry) {
        t.db().inTransaction(connection -> {
            new AuditLog(t.db()).append(connection, entry);
            return null;
        });
    }

    @StoreTest
    void readsATargetsEntriesInTheOrderTheyWereWritten(TestDatabase t) {
        AuditLog.Entry create = new AuditLog.Entry("usr_admin", "merchant.create", "merchant", "mer_1",
                null, "{\"name\":\"杭州悦享食品有限公司\",\"note\":\"拉铃 🔔 \\\"quoted\\\"\"}", "req-1", AT);
        AuditLog.Entry other = new AuditLog.Entry("usr_admin", "merchant.create", "merchant", "mer_2",
                null, "{}", "req-2", AT.plusSeconds(1));
        AuditLog.Entry reassign = new AuditLog.Entry("usr_sup", "merchant.reassign", "merchant", "mer_1",
                "{\"assignedManagerId\":\"usr_a\"}", "{\"assignedManagerId\":\"usr_b\"}", "req-3", AT.plusSeconds(2));
        append(t, create);
        append(t, other);
        append(t, reassign);

        assertThat(new AuditLog(t.db()).forTarget("merchant", "mer_1")).containsExactly(create, reassign);
        assertThat(new AuditLog(t.db()).forTarget("merchant", "mer_2")).containsExactly(other);
        assertThat(new AuditLog(t.db()).forTarget("user", "mer_1")).isEmpty();
    }

    @StoreTest
    void keepsNullActorsAndSnapshots(TestDatabase t) {
        AuditLog.Entry seed = new AuditLog.Entry(null, "user.create", "user", "usr_1", null, null, null, AT);
        append(t, seed);

        assertThat(new AuditLog(t.db()).forTarget("user", "usr_1")).containsExactly(seed);
    }

    @StoreTest
    void anEntryRollsBackWithTheChangeItRecords(TestDatabase t) {
        assertThatThrownBy(() -> t.db().inTransaction(connection -> {
            new AuditLog(t.db()).append(connection,
                    new AuditLog.Entry("usr_1", "user.create", "user", "usr_2", null, null, "req", AT));
            throw new IllegalStateException("the change failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(new AuditLog(t.db()).forTarget("user", "usr_2")).isEmpty();
    }
}
