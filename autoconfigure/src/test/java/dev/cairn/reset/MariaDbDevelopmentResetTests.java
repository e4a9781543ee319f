package dev.cairn.reset;

import java.nio.file.Path;

import dev.cairn.MigrationException;
import dev.cairn.MigrationRunner;
import dev.cairn.MigrationSettings;
import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;
import dev.cairn.testsupport.TestMigrations.Sql;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The development reset on MariaDB, which it resets only when its URL is named.
 */
class MariaDbDevelopmentResetTests extends AbstractDevelopmentResetTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.mariadb();
    }

    @Override
    protected boolean needsUrl() {
        return true;
    }

    @Test
    void aResetIsRefusedUnlessTheUrlIsNamed() {
        MigrationRunner.builder(this.database.dataSource())
            .migrations(java.util.List.of(new Sql(1, "One", "CREATE TABLE one (id INTEGER)"),
                    new Sql(2, "Two", "CREATE TABLE two (id INTEGER)")))
            .build()
            .migrate();
        assertThatExceptionOfType(MigrationException.class)
            .isThrownBy(MigrationRunner.builder(this.database.dataSource())
                .migrations(java.util.List.of(new Sql(1, "One", "CREATE TABLE one (id INTEGER)")))
                .settings(MigrationSettings.defaults().withResetOnIncompatible(true, null))
                .build()::migrate)
            .withMessageContaining("which is refused for any database but SQLite and H2; nothing was changed")
            .satisfies((ex) -> org.assertj.core.api.Assertions.assertThat(ex.getAction())
                .contains("cairn.reset-on-incompatible-url=jdbc:"));
        org.assertj.core.api.Assertions.assertThat(this.database.hasTable("two")).isTrue();
    }

}
