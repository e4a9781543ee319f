package dev.cairn.scripts;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL script migrations on MariaDB, each test in a database of its own.
 */
class MariaDbSqlMigrationTests extends AbstractSqlMigrationTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.mariadb();
    }

    @Test
    void runsAScriptThatChangesItsDelimiterForAProcedure() throws Exception {
        script("V1__create_log.sql", "CREATE TABLE log (entry VARCHAR(20));");
        script("V2__procedure.sql", "DELIMITER //\nCREATE PROCEDURE add_entry(IN value VARCHAR(20))\nBEGIN\n"
                + "  INSERT INTO log VALUES (value);\n  INSERT INTO log VALUES (CONCAT(value, '!'));\nEND //\n"
                + "DELIMITER ;\nCALL add_entry('x');\n");
        assertThat(runner().migrate().applied()).hasSize(2);
        assertThat(log()).containsExactly("x", "x!");
    }

}
