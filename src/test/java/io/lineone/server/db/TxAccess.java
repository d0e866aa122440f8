package io.lineone.server.db;

import java.sql.Connection;

/** A {@link Tx} over a connection a test holds open itself, to interleave transactions on purpose. */
public final class TxAccess {

    private TxAccess() {
    }

    public static Tx of(Connection connection) {
        return new Tx(connection);
    }
}
