package dev.cairn.instances;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.cairn.MigrationRunner;
import dev.cairn.testsupport.Items;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application killed with SIGKILL in the middle of a background backfill, then started again: the batch in flight
 * is lost, none is applied twice, and the next start resumes from the last committed cursor, taking over the dead
 * worker's lease. Each database has a thin subclass.
 */
abstract class AbstractBackgroundKillTests extends AbstractChildProcessTests {

    private static final int ROWS = 4000;

    @BeforeEach
    void createItems() throws Exception {
        new MigrationRunner(this.database.dataSource(), List.of()).migrate();
        Items.create(this.database, ROWS);
    }

    @Test
    void aBackfillKilledMidwayResumesAndProcessesEveryRowExactlyOnce() throws Exception {
        Process first = start("first");
        assertThat(this.processes.awaitOutput(first, "rows/s", Duration.ofMinutes(2))).as(this.processes.output(first))
            .isTrue();
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        int done = count("touched = 1");
        assertThat(done).as("killed midway").isBetween(1, ROWS - 1);
        assertThat(count("touched > 1")).isZero();
        assertThat(count("touched = 1 AND doubled = amount * 2")).isEqualTo(done);
        Long recorded = this.database.jdbc().queryForObject(
                "SELECT rows_done FROM cairn_background_migrations WHERE id = '1'", Long.class);
        assertThat(recorded).as("the cursor was committed with the rows").isEqualTo(done);

        Process second = start("second");
        assertThat(second.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String output = this.processes.output(second);
        assertThat(second.exitValue()).as(output).isZero();
        assertThat(output).contains("BACKGROUND DONE")
            .contains("Resuming background migration 1 \"Double amounts\"")
            .contains("Took over the lease row in cairn_background_migrations_lease");
        assertThat(count("touched = 1")).as("every row exactly once").isEqualTo(ROWS);
        assertThat(this.database.jdbc().queryForObject(
                "SELECT state FROM cairn_background_migrations WHERE id = '1'", String.class)).isEqualTo("FINISHED");
    }

    private Process start(String name) throws Exception {
        List<String> arguments = new ArrayList<>();
        for (String property : this.database.springProperties()) {
            arguments.add("--" + property);
        }
        arguments.addAll(List.of("--cairn.background.batch-size=40", "--cairn.background.min-batch-size=40",
                "--cairn.background.max-batch-size=40", "--cairn.background.pause=25ms",
                "--cairn.background.lease=2s", "--cairn.background.progress-interval=300ms",
                "--logging.level.root=WARN", "--logging.level.dev.cairn=INFO"));
        return this.processes.start(name, BackgroundApplication.class, List.of(), arguments);
    }

    private int count(String condition) {
        return Items.count(this.database, condition);
    }

}
