package dev.cairn;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;
import dev.cairn.testsupport.TestMigrations;
import dev.cairn.testsupport.TestMigrations.Sql;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The runner's behaviour on an H2 file database, where DDL commits and a lease row locks.
 */
class H2MigrationRunnerTests extends AbstractMigrationRunnerTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.h2(directory);
    }

    @Override
    protected String dropSchema(String schema) {
        return "DROP SCHEMA IF EXISTS " + schema + " CASCADE";
    }

    @Override
    protected boolean rollsBackDdl() {
        return false;
    }

    @Test
    void aHolderWhoseLeaseWasTakenOverCommitsNoFurtherMigration() {
        Migration robbed = new Sql(2, "Robbed") {
            @Override
            public void up(MigrationContext context) {
                context.jdbc().update("INSERT INTO applied_log (version) VALUES (2)");
                // What a holder paused longer than its lease finds: another instance took the lease meanwhile.
                new JdbcTemplate(H2MigrationRunnerTests.this.database.dataSource()).update("UPDATE cairn_migrations_lock"
                        + " SET owner = 'other-host (pid 9)', expires_at = expires_at + 600000 WHERE id = 1");
            }
        };
        Migration third = log(3);
        assertThatExceptionOfType(MigrationFailedException.class)
            .isThrownBy(runner(log(1), robbed, third)::migrate)
            .withMessageContaining("Lost the migration lock")
            .withMessageContaining("now belongs to other-host (pid 9)");
        assertThat(logged()).as("the robbed migration's data was rolled back").containsExactly(1L);
        assertThat(TestMigrations.runs(third)).isZero();
    }

}
