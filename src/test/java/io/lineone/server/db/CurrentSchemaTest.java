package io.lineone.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurrentSchemaTest {

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("lineone").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    @Test
    void aMigratedDatabaseIsCurrentAndOpensAgainWithoutFlyway() throws Exception {
        try (Database first = Database.open(url(), null, null, 2)) {
            assertThat(CurrentSchema.isCurrent(first.dataSource())).isTrue();
        }
        try (Database again = Database.open(url(), null, null, 2)) {
            assertThat(CurrentSchema.isCurrent(again.dataSource())).isTrue();
            assertThat(again.isReachable()).isTrue();
        }
    }

    @Test
    void aMissingOrFailedMigrationSendsTheDatabaseThroughFlyway() throws Exception {
        try (Database db = Database.open(url(), null, null, 2)) {
            execute(db, "update \"flyway_schema_history\" set \"success\" = false where \"version\" = '2'");
            assertThat(CurrentSchema.isCurrent(db.dataSource())).as("a failed migration").isFalse();
            execute(db, "delete from \"flyway_schema_history\" where \"version\" = '2'");
            assertThat(CurrentSchema.isCurrent(db.dataSource())).as("a missing migration").isFalse();
            execute(db, "drop table \"flyway_schema_history\"");
            assertThat(CurrentSchema.isCurrent(db.dataSource())).as("no history").isFalse();
        }
    }

    @Test
    void everyShippedMigrationIsSeenOnTheClassPath() {
        assertThat(CurrentSchema.shippedVersions()).contains("1", "2", "3", "4", "5", "6");
    }

    @Test
    void versionsCompareAsFlywayComparesThem() {
        assertThat(CurrentSchema.normalised("1.01")).isEqualTo("1.1");
        assertThat(CurrentSchema.normalised("1.1.0")).isEqualTo("1.1");
        assertThat(CurrentSchema.normalised("007")).isEqualTo("7");
        assertThat(CurrentSchema.normalised("10")).isEqualTo("10");
        assertThat(CurrentSchema.normalised("0")).isEqualTo("0");
    }

    private static void execute(Database db, String sql) throws Exception {
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
