package dev.cairn;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner's behaviour on MariaDB, each test in a database of its own. DDL commits implicitly there.
 */
class MariaDbMigrationRunnerTests extends AbstractMigrationRunnerTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.mariadb();
    }

    @Override
    protected boolean rollsBackDdl() {
        return false;
    }

    @Test
    void createsTheConfiguredDatabaseForTheHistoryTable() {
        String schema = "cairn_h_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try {
            MigrationRunner runner = new MigrationRunner(this.database.dataSource(), List.of(log(1)),
                    MigrationSettings.defaults().withSchema(schema));
            runner.migrate();
            assertThat(this.database.jdbc().queryForObject("SELECT COUNT(*) FROM " + schema + ".cairn_migrations",
                    Integer.class)).isOne();
            assertThat(runner.migrate().applied()).isEmpty();
        }
        finally {
            this.database.jdbc().execute("DROP DATABASE IF EXISTS " + schema);
        }
    }

}
