package dev.cairn.instances;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.cairn.MigrationRunner;
import dev.cairn.MigrationState;
import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Killed rollbacks and repairs on MariaDB, where a migration is recorded before it runs.
 */
class MariaDbInterruptionTests extends AbstractInterruptionTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.mariadb();
    }

    @Override
    protected boolean recordsBeforeRunning() {
        return true;
    }

    @Test
    void aMigrationKilledInTheMiddleOfItsDdlIsNamedWithItsMomentThenRepairedAndRunCleanly() throws Exception {
        Process holder = start("holder", 3, 60_000, "--instance.ddl=true");
        assertThat(this.processes.awaitOutput(holder, "APPLYING 1", Duration.ofMinutes(1)))
            .as(this.processes.output(holder)).isTrue();
        holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(this.database.hasTable("ddl_1_a")).as("MariaDB committed the first CREATE TABLE").isTrue();
        assertThat(this.database.hasTable("ddl_1_b")).isFalse();
        Instant startedAt = this.database.jdbc().queryForObject("SELECT installed_on FROM cairn_migrations WHERE"
                + " version = '1'", LocalDateTime.class).toInstant(ZoneOffset.UTC);

        Process next = start("next", 3, 10, "--instance.ddl=true");
        assertThat(next.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(next.exitValue()).isNotZero();
        assertThat(this.processes.output(next))
            .contains("Migration 1 \"Slow step 1\" (bean 'slowStep1') was interrupted: it started at " + startedAt
                    + " on ")
            .contains("(pid " + holder.pid() + ")")
            .contains("and never finished, so it may have left changes behind")
            .doesNotContain("already exists");

        this.database.jdbc().execute("DROP TABLE ddl_1_a");
        assertThat(new MigrationRunner(this.database.dataSource(), List.of()).repair())
            .extracting((migration) -> migration.state()).containsExactly(MigrationState.INTERRUPTED);
        assertExitedNormally(start("next", 3, 10, "--instance.ddl=true"));
        assertThat(versions("SELECT version FROM side_effects")).containsExactly(1L, 2L, 3L);
        assertThat(rows("success = ?", true)).containsExactly(1L, 2L, 3L);
        for (int version = 1; version <= 3; version++) {
            assertThat(this.database.hasTable("ddl_" + version + "_a")).isTrue();
            assertThat(this.database.hasTable("ddl_" + version + "_b")).isTrue();
        }
    }


}
