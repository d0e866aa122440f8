package io.lineone.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new embedded database begins as the build's migrated copy: the same schema Flyway makes, without Flyway. */
class SchemaTemplateTest {

    @TempDir
    Path dir;

    private String fileUrl(String name) {
        return "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath() + SchemaTemplate.H2_OPTIONS;
    }

    @Test
    void theBuildMadeTheTemplate() {
        assertThat(SchemaTemplate.class.getClassLoader().getResource(SchemaTemplate.RESOURCE))
                .as("process-classes migrates it into target/classes").isNotNull();
    }

    @Test
    void aNewDatabaseIsTheTemplateCurrentBeforeFlywayCouldRun() throws Exception {
        String url = fileUrl("lineone");
        SchemaTemplate.copyIfNew(url);

        assertThat(dir.resolve("lineone.mv.db")).exists();
        try (Database db = Database.open(url, null, null, 2)) {
            assertThat(CurrentSchema.isCurrent(db.dataSource())).isTrue();
        }
    }

    @Test
    void theTemplateHoldsExactlyTheSchemaTheMigrationsMake() throws Exception {
        try (Database copied = Database.open(fileUrl("lineone"), null, null, 2);
             Database migrated = Database.open("jdbc:h2:mem:template-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"
                     + SchemaTemplate.H2_OPTIONS, null, null, 2)) {
            assertThat(columns(copied)).isNotEmpty().isEqualTo(columns(migrated));
            assertThat(rows(copied, "select count(*) from merchant")).isZero();
        }
    }

    @Test
    void anExistingDatabaseIsNeverReplaced() throws Exception {
        Path existing = dir.resolve("lineone.mv.db");
        Files.writeString(existing, "someone's data");

        SchemaTemplate.copyIfNew(fileUrl("lineone"));

        assertThat(existing).hasContent("someone's data");
    }

    @Test
    void onlyAnEmbeddedFileUrlNamesAFile() {
        assertThat(SchemaTemplate.fileOf("jdbc:h2:file:/data/db/lineone;MODE=PostgreSQL"))
                .contains(Path.of("/data/db/lineone.mv.db"));
        assertThat(SchemaTemplate.fileOf("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isEmpty();
        assertThat(SchemaTemplate.fileOf("jdbc:postgresql://db/lineone")).isEmpty();
    }

    private static Set<String> columns(Database db) throws Exception {
        Set<String> columns = new TreeSet<>();
        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select table_name, column_name, data_type, is_nullable"
                     + " from information_schema.columns where table_schema = 'public'")) {
            while (rows.next()) {
                columns.add(rows.getString(1) + "." + rows.getString(2) + " " + rows.getString(3) + " "
                        + rows.getString(4));
            }
        }
        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select index_name, table_name from information_schema.indexes"
                     + " where table_schema = 'public'")) {
            while (rows.next()) {
                columns.add("index " + rows.getString(1) + " on " + rows.getString(2));
            }
        }
        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select trigger_name, event_object_table, java_class"
                     + " from information_schema.triggers where trigger_schema = 'public'")) {
            while (rows.next()) {
                columns.add("trigger " + rows.getString(1) + " on " + rows.getString(2) + " " + rows.getString(3));
            }
        }
        return columns;
    }

    private static long rows(Database db, String query) throws Exception {
        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
