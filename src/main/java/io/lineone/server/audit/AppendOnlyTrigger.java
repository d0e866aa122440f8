package io.lineone.server.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's half of the audit trail's guard (migration V10): refuses every UPDATE and DELETE of {@code audit_event}, for
 * whichever account asks. PostgreSQL has the same guard as a PL/pgSQL trigger. H2 finds this class by name when it
 * opens a database, so it must keep its name and package.
 */
public final class AppendOnlyTrigger implements Trigger {

    /** PostgreSQL's code for "insufficient privilege", so both databases refuse alike. */
    static final String REFUSED = "42501";

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_event is append-only: "
                + (newRow == null ? "DELETE" : "UPDATE") + " refused", REFUSED);
    }
}
