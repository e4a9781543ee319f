package dev.cairn;

import java.nio.file.Path;
import java.util.List;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestMigrations;
import dev.cairn.testsupport.TestDatabases;
import dev.cairn.testsupport.TestMigrations.Failing;
import dev.cairn.testsupport.TestMigrations.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The runner's behaviour on MariaDB, each test in a database of its own. DDL commits implicitly there.
 */
@ExtendWith(OutputCaptureExtension.class)
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
    void aMigrationThatFailsAfterDdlIsRecordedRefusedThenRepairedAndRunCleanly() {
        Migration broken = new Failing(2, "Create broken", "CREATE TABLE broken (id INTEGER)");
        assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(runner(log(1), broken)::migrate)
            .withMessageContaining("It may have left changes behind")
            .satisfies((ex) -> assertThat(ex.getAction()).contains("--cairn.mode=repair", "repair()"));
        assertThat(this.database.hasTable("broken")).as("MariaDB committed the DDL").isTrue();
        assertThat(this.database.jdbc().queryForObject("SELECT success FROM cairn_migrations WHERE version = 2",
                Boolean.class)).isFalse();
        Migration fixed = new Sql(2, "Create broken", "CREATE TABLE broken (id INTEGER)");
        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner(log(1), fixed)::migrate)
            .withMessageContaining("failed earlier and may have left changes behind");
        this.database.jdbc().execute("DROP TABLE broken");
        assertThat(runner(log(1), fixed).repair()).extracting(TestMigrations::version).containsExactly(2L);
        assertThat(runner(log(1), fixed).migrate().applied()).extracting(TestMigrations::version).containsExactly(2L);
        assertThat(runner(log(1), fixed).status().inState(MigrationState.APPLIED)).hasSize(2);
    }

    @Test
    void aFreshStartLogsNoErrorFromTheDriver(CapturedOutput output) {
        MigrationRunner runner = new MigrationRunner(this.database.dataSource(), List.of(log(1)),
                MigrationSettings.defaults().withTable("fresh_history").withBaselineOnMigrate(true)
                    .withBaselineVersion(Version.of(0)));
        assertThat(runner.status().migrations()).hasSize(1);
        assertThat(runner.migrate().applied()).hasSize(1);
        assertThat(output).doesNotContain("1146").doesNotContain("doesn't exist");
    }

}
