package io.lineone.server.db;

import java.sql.Connection;

/**
 * A transaction in progress. Services hold it only to hand it from one store call to the next, so that a
 * change, its history, its audit entry and its event commit together; the JDBC connection inside is the
 * stores' business alone.
 */
public record Tx(Connection connection) {
}
