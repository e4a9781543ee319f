package dev.cairn.scripts;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL script migrations on an SQLite file.
 */
class SqliteSqlMigrationTests extends AbstractSqlMigrationTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.sqlite(directory);
    }

    @Test
    void runsAScriptWithATriggerAndAScriptWithVacuum() throws Exception {
        script("V1__create_log.sql", "CREATE TABLE log (entry VARCHAR(20));\nCREATE TABLE audit (entry VARCHAR(20));\n"
                + "CREATE TRIGGER log_audit AFTER INSERT ON log BEGIN\n  INSERT INTO audit VALUES (CASE WHEN"
                + " NEW.entry = 'a' THEN 'first' ELSE NEW.entry END);\n  INSERT INTO audit VALUES ('again');\nEND;\n"
                + "INSERT INTO log VALUES ('a');");
        script("V2__vacuum.sql", "VACUUM;");
        assertThat(runner().migrate().applied()).hasSize(2);
        assertThat(this.database.jdbc().queryForList("SELECT entry FROM audit", String.class))
            .containsExactly("first", "again");
    }

    @Test
    void keepsTheUserVersionAtTheLastWholeNumberVersion() throws Exception {
        script("V1__one.sql", "CREATE TABLE one (id INTEGER);");
        script("V2__two.sql", "CREATE TABLE two (id INTEGER);");
        runner().migrate();
        assertThat(this.database.userVersion()).isEqualTo(2);
        script("V2_1__two_point_one.sql", "CREATE TABLE two_one (id INTEGER);");
        assertThat(runner().migrate().currentVersion()).hasToString("2.1");
        assertThat(this.database.userVersion()).as("2.1 is not a whole number: left at 2").isEqualTo(2);
    }

}
