package io.lineone.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lineone.server.db.Database;
import io.lineone.server.db.StoreException;
import io.lineone.testing.PostgresExtension;
import io.lineone.testing.SharedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The team set-up of the README on a real PostgreSQL: {@code lineone_owner} owns the database and runs the
 * migrations, the backend's pool signs in as {@code lineone_app}, which may append to and read the audit trail but
 * not change it — refused by its grants before any trigger runs — nor drop the trigger that guards it.
 */
@ExtendWith(PostgresExtension.class)
class AuditGrantsTest {

    private static final String PASSWORD = "grants-test-password";
    private static final AuditLog.Entry ENTRY = new AuditLog.Entry("usr_li", "fix.apply", "fix", "fix_1", null,
            "{\"status\":\"APPLIED\"}", "req-1", Instant.parse("2026-11-11T08:00:00Z"));

    @Test
    void theApplicationsRoleAppendsAndReadsTheAuditTrailAndMayNotChangeIt(SharedPostgres postgres) throws Exception {
        String database = postgres.createDatabase();
        String url = postgres.jdbcUrl(database);
        try {
            // The README's SQL, as the cluster's superuser.
            try (Connection admin = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.user(),
                    postgres.password()); Statement sql = admin.createStatement()) {
                sql.execute("do $$ begin"
                        + " if not exists (select from pg_roles where rolname = 'lineone_owner') then"
                        + " create role lineone_owner login password '" + PASSWORD + "'; end if;"
                        + " if not exists (select from pg_roles where rolname = 'lineone_app') then"
                        + " create role lineone_app login password '" + PASSWORD + "'; end if; end $$");
                sql.execute("alter database " + database + " owner to lineone_owner");
            }
            try (Connection admin = DriverManager.getConnection(url, postgres.user(), postgres.password());
                 Statement sql = admin.createStatement()) {
                sql.execute("revoke create on schema public from public");
                sql.execute("grant usage on schema public to lineone_app");
                sql.execute("alter default privileges for role lineone_owner in schema public"
                        + " grant select, insert, update, delete on tables to lineone_app");
                sql.execute("alter default privileges for role lineone_owner in schema public"
                        + " grant usage, select on sequences to lineone_app");
            }

            try (Database app = Database.open(url, "lineone_app", PASSWORD, 2,
                    new Database.Owner("lineone_owner", PASSWORD))) {
                AuditLog audit = new AuditLog(app);
                app.inTransaction(tx -> {
                    audit.append(tx, ENTRY);
                    return null;
                });
                assertThat(audit.forTarget("fix", "fix_1")).containsExactly(ENTRY);

                for (String change : new String[] {"update audit_event set actor_id = 'usr_x'", "delete from audit_event",
                        "truncate audit_event", "drop trigger audit_event_no_change on audit_event",
                        "alter table audit_event disable trigger audit_event_no_change",
                        "create table audit_event_copy (id bigint)"}) {
                    assertThatThrownBy(() -> app.inTransaction(tx -> tx.update(change))).as(change)
                            .isInstanceOf(StoreException.class).hasMessageNotContaining("append-only")
                            .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("permission denied",
                                    "must be owner"));
                }
                assertThat(audit.forTarget("fix", "fix_1")).as("as it was written").containsExactly(ENTRY);
                // Everything else stays the application's to change.
                app.inTransaction(tx -> tx.update("update app_user set display_name = display_name"));
            }
            // A restart without the owner's password finds nothing to migrate and serves as before.
            try (Database app = Database.open(url, "lineone_app", PASSWORD, 2)) {
                assertThat(new AuditLog(app).forTarget("fix", "fix_1")).containsExactly(ENTRY);
            }
        } finally {
            postgres.dropDatabase(database);
        }
    }
}
