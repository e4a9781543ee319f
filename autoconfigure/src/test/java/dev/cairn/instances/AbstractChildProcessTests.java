package dev.cairn.instances;

import java.nio.file.Path;
import java.util.List;

import dev.cairn.MigrationRunner;
import dev.cairn.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tests that start applications in JVMs of their own share: a database of the subclass's kind, the child
 * processes, and both closed after each test.
 */
abstract class AbstractChildProcessTests {

    @TempDir
    Path directory;

    protected TestDatabase database;

    protected ChildProcesses processes;

    protected abstract TestDatabase createDatabase(Path directory);

    @BeforeEach
    void startWithDatabaseAndProcesses() {
        this.processes = new ChildProcesses(this.directory);
        this.database = createDatabase(this.directory);
    }

    @AfterEach
    void closeProcessesAndDatabase() {
        this.processes.close();
        if (this.database != null) {
            this.database.close();
        }
    }

    /**
     * Creates the history table, then the {@code side_effects} table the test applications' migrations write to;
     * in that order, as a database with tables of its own and no history is refused unless baselined.
     */
    protected void createHistoryAndSideEffects() {
        new MigrationRunner(this.database.dataSource(), List.of()).migrate();
        this.database.jdbc().execute("CREATE TABLE side_effects (version BIGINT NOT NULL, instance VARCHAR(50))");
    }

}
