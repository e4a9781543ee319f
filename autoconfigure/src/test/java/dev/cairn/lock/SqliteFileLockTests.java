package dev.cairn.lock;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.cairn.MigrationLockException;
import dev.cairn.MigrationRunner;
import dev.cairn.dialect.SqliteDialect;
import dev.cairn.testsupport.TestMigrations.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The lock file of an SQLite database, taken by threads of one JVM, by another process, on an in-memory database,
 * and where the file cannot be created.
 */
@ExtendWith(OutputCaptureExtension.class)
class SqliteFileLockTests {

    private static final Supplier<MigrationLock> NO_LEASE = () -> {
        throw new AssertionError("the lock file was usable, so no lease was expected");
    };

    @TempDir
    Path directory;

    private Path databaseFile;

    private SingleConnectionDataSource dataSource;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void cleanUp() {
        this.executor.shutdownNow();
        if (this.dataSource != null) {
            this.dataSource.destroy();
        }
    }

    @Test
    void threadsOfOneJvmTakeTurns() throws Exception {
        MigrationLock first = lock(database());
        MigrationLock second = lock(database());
        first.acquire(Duration.ofSeconds(1));
        Future<?> waiting = this.executor.submit(() -> second.acquire(Duration.ofSeconds(30)));
        Thread.sleep(300);
        assertThat(waiting).as("the second waits while the first holds the lock").isNotDone();
        first.release();
        waiting.get(5, TimeUnit.SECONDS);
        this.executor.submit(second::checkHeld).get(5, TimeUnit.SECONDS);
        this.executor.submit(second::release).get(5, TimeUnit.SECONDS);
        assertThat(lockFile()).as("the lock file is left in place, empty").isEmptyFile();
    }

    @Test
    void givingUpNamesTheHolderInThisProcess() throws Exception {
        MigrationLock holder = lock(database());
        MigrationLock waiter = lock(database());
        holder.acquire(Duration.ofSeconds(1));
        assertThatExceptionOfType(MigrationLockException.class)
            .isThrownBy(() -> waiter.acquire(Duration.ofMillis(300)))
            .withMessageStartingWith("Could not take the migration lock " + lockFile() + " within 300 ms")
            .withMessageContaining("(pid " + ProcessHandle.current().pid() + ", thread "
                    + Thread.currentThread().getName() + "), since ");
        holder.checkHeld();
        holder.release();
        waiter.acquire(Duration.ofSeconds(1));
        waiter.release();
    }

    @Test
    void givingUpNamesTheHolderInAnotherProcessAndItsDeathReleasesTheLock() throws Exception {
        String url = database();
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), HoldLock.class.getName(), url)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
        try {
            BufferedReader output = new BufferedReader(
                    new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(output.readLine()).isEqualTo("LOCKED");
            MigrationLock waiter = lock(url);
            assertThatExceptionOfType(MigrationLockException.class)
                .isThrownBy(() -> waiter.acquire(Duration.ofMillis(500)))
                .satisfies((ex) -> assertThat(ex.getHolder())
                    .contains("(pid " + other.pid() + ", thread main), since "));
            other.destroyForcibly();
            long killedAt = System.nanoTime();
            waiter.acquire(Duration.ofSeconds(30));
            assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(Duration.ofSeconds(5));
            waiter.release();
        }
        finally {
            other.destroyForcibly();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "jdbc:sqlite::memory:", "jdbc:sqlite:" })
    void anInMemoryOrTemporaryDatabaseIsLockedWithinTheProcess(String url) {
        MigrationLock holder = lock(url);
        MigrationLock waiter = lock(url);
        holder.acquire(Duration.ofSeconds(1));
        assertThatExceptionOfType(MigrationLockException.class)
            .isThrownBy(() -> waiter.acquire(Duration.ofMillis(200)))
            .withMessageContaining("cairn_migrations (in-memory or temporary database, locked within this process)")
            .withMessageContaining("(pid " + ProcessHandle.current().pid() + ", thread ");
        holder.release();
        waiter.acquire(Duration.ofSeconds(1));
        waiter.checkHeld();
        waiter.release();
    }

    @Test
    void aRunnerMigratesAnInMemoryDatabase() {
        SingleConnectionDataSource memory = new SingleConnectionDataSource("jdbc:sqlite::memory:", true);
        try {
            MigrationRunner runner = new MigrationRunner(memory,
                    List.of(new Sql(1, "Create t", "CREATE TABLE t (id INTEGER)")));
            assertThat(runner.migrate().applied()).hasSize(1);
            assertThat(new JdbcTemplate(memory).queryForObject("SELECT COUNT(*) FROM t", Integer.class)).isZero();
        }
        finally {
            memory.destroy();
        }
    }

    @Test
    void fallsBackToALeaseWhereTheLockFileCannotBeCreated(CapturedOutput output) throws Exception {
        database();
        // Root may write anywhere, but nobody can open a directory as a file.
        Files.createDirectory(lockFile());
        MigrationLock lock = SqliteFileLock.forDatabase(this.dataSource, "cairn_migrations",
                () -> new LeaseLock(this.dataSource, "cairn_migrations", "cairn_migrations_lock",
                        Duration.ofSeconds(30), new SqliteDialect().currentTimeMillisQuery(), null));
        assertThat(lock).isInstanceOf(LeaseLock.class);
        assertThat(output).contains("WARN").contains("Cannot create the lock file " + lockFile());
        lock.acquire(Duration.ofSeconds(5));
        JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cairn_migrations_lock", Integer.class)).isOne();
        lock.release();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cairn_migrations_lock", Integer.class)).isZero();
    }

    @Test
    void fallsBackToALeaseInAReadOnlyDirectory(CapturedOutput output) throws Exception {
        database();
        Files.setPosixFilePermissions(this.directory, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(this.directory), "this user may write to a read-only directory, as root does");
            MigrationLock fallback = new LeaseLock(this.dataSource, "cairn_migrations", "cairn_migrations_lock",
                    Duration.ofSeconds(30), new SqliteDialect().currentTimeMillisQuery(), null);
            assertThat(SqliteFileLock.forDatabase(this.dataSource, "cairn_migrations", () -> fallback))
                .isSameAs(fallback);
            assertThat(output).contains("Cannot create the lock file " + lockFile());
        }
        finally {
            Files.setPosixFilePermissions(this.directory, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /**
     * Creates an SQLite file and a data source for it.
     * @return its URL
     */
    private String database() {
        if (this.dataSource == null) {
            this.databaseFile = this.directory.resolve("app.db");
            this.dataSource = new SingleConnectionDataSource("jdbc:sqlite:" + this.databaseFile, true);
            new JdbcTemplate(this.dataSource).execute("CREATE TABLE IF NOT EXISTS t (id INTEGER)");
        }
        return "jdbc:sqlite:" + this.databaseFile;
    }

    private Path lockFile() throws IOException {
        return this.databaseFile.toRealPath().resolveSibling("app.db-cairn.lock");
    }

    private static MigrationLock lock(String url) {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, true);
        try {
            return SqliteFileLock.forDatabase(dataSource, "cairn_migrations", NO_LEASE);
        }
        finally {
            dataSource.destroy();
        }
    }

    /**
     * Another process that takes the lock, says so, and holds it until it is killed or its input ends.
     */
    static final class HoldLock {

        public static void main(String[] args) throws Exception {
            MigrationLock lock = lock(args[0]);
            lock.acquire(Duration.ofSeconds(30));
            System.out.println("LOCKED");
            System.in.read();
            lock.release();
        }

    }

}
