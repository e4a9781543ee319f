package dev.cairn.validation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import dev.cairn.MigrationException;
import dev.cairn.MigrationSettings;
import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;
import dev.cairn.testsupport.TestMigrations;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Validate and dry run on an SQLite file; and, where Flyway itself can migrate, validating a database that Flyway
 * migrated against the history Cairn would import from it.
 */
class SqliteValidateAndDryRunTests extends AbstractValidateAndDryRunTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.sqlite(directory);
    }

    @Test
    void validatesADatabaseMigratedByFlywayWithoutImportingItsHistory() throws IOException {
        Flyway.configure()
            .dataSource(this.database.url(), "", "")
            .locations("filesystem:" + this.scripts)
            .placeholders(Map.of("who", "world"))
            .load()
            .migrate();
        assertThat(runner(MigrationSettings.defaults()).validate().pending()).extracting(TestMigrations::version)
            .containsExactly(3L);
        script("V2__greet.sql", "INSERT INTO log VALUES ('edited');");
        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner(MigrationSettings.defaults())::validate)
            .withMessageContaining("Applied migration 2 \"greet\"")
            .withMessageContaining("was changed");
        assertThat(this.database.hasTable("cairn_migrations")).isFalse();
    }

}
