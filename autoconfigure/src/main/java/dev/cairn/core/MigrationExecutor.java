package dev.cairn.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import javax.sql.DataSource;

import dev.cairn.BackupInfo;
import dev.cairn.MigrationContext;
import dev.cairn.MigrationException;
import dev.cairn.MigrationFailedException;
import dev.cairn.ResolvedMigration;
import dev.cairn.backup.Backups;
import dev.cairn.core.source.ExecutableMigration;
import dev.cairn.core.source.StatementException;
import dev.cairn.core.steps.ForeignKeysOff;
import dev.cairn.dialect.Dialect;
import dev.cairn.lock.Holder;
import dev.cairn.lock.MigrationLock;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one migration at a time under a held lock, each in its own transaction committed together with its history
 * row. Where a failure may leave changes behind (DDL that cannot roll back, a migration that is not transactional)
 * the row is written before the migration runs and completed afterwards, so that a crash leaves a record.
 */
public final class MigrationExecutor {

    private final Database database;

    private final DataSource dataSource;

    private final Dialect dialect;

    private final HistoryTable history;

    private final MigrationLock lock;

    private final Callbacks callbacks;

    private final StatementRecordingJdbcTemplate jdbc;

    private final TransactionTemplate transactions;

    private int nextRank;

    private @Nullable Backups backups;

    MigrationExecutor(Database database, MigrationLock lock, Callbacks callbacks, int nextRank) {
        this.database = database;
        this.dataSource = database.dataSource();
        this.dialect = database.dialect();
        this.history = database.history();
        this.lock = lock;
        this.callbacks = callbacks;
        this.nextRank = nextRank;
        this.jdbc = new StatementRecordingJdbcTemplate(this.dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
    }

    /**
     * Applies the migration and records it.
     * @param migration the migration
     * @return its history row
     * @throws MigrationFailedException when it fails, after its transaction was rolled back and, where changes may
     * remain, its row was marked FAILED
     */
    public AppliedMigration apply(ExecutableMigration migration) {
        boolean recordFirst = changesMayRemain(migration);
        // Classified before it runs, as the policy saw it; a script's statements are released once they ran.
        Recorded recorded = new Recorded(migration.additive(), migration.breakingReason());
        int rank = this.nextRank++;
        BackupInfo backup = backups().before(migration, this.database.settings().backupMode());
        Instant installedOn = Instant.now();
        long start = System.nanoTime();
        this.jdbc.forget();
        try {
            if (recordFirst) {
                runInTransaction((context) -> {
                    this.lock.fence(context.connection());
                    this.history.insert(row(migration, recorded, rank, installedOn, null, false));
                    return null;
                });
            }
            return run(migration, (context) -> {
                this.callbacks.beforeEachMigrate(context);
                migration.up(context);
                this.callbacks.afterEachMigrate(context);
                this.lock.fence(context.connection());
                AppliedMigration row = row(migration, recorded, rank, installedOn, millisSince(start), true);
                if (recordFirst) {
                    this.history.complete(rank, row.executionTime(), true);
                }
                else {
                    this.history.insert(row);
                }
                return row;
            });
        }
        catch (Throwable ex) {
            MigrationFailedException failure = (recordFirst && backup != null)
                    ? restored(migration, ex, rank, backup, start)
                    : failed(migration, "up()", ex,
                            recordFirst ? () -> this.history.complete(rank, millisSince(start), false) : null);
            if (!this.callbacks.isEmpty()) {
                this.callbacks.afterEachMigrateError(this.database, migration, failure);
            }
            throw failure;
        }
    }

    /**
     * Where the database could not roll a failed migration back, restores what it destroyed from the backup taken
     * before it. A whole SQLite file leaves the database as it was, history included. Restored tables leave the
     * migration FAILED: what else it changed may remain, and repairing it is the user's call. A restore that is not
     * safe (see {@link Backups#restore}) is not attempted, and the failure says where the copies are.
     */
    private MigrationFailedException restored(ExecutableMigration migration, Throwable cause, int rank,
            BackupInfo backup, long start) {
        StatementException statement = StatementException.find(cause);
        String sql = (statement != null) ? statement.statement() : this.jdbc.failedStatement();
        int line = (statement != null) ? statement.line() : 0;
        Throwable reported = (statement != null && statement.getCause() != null) ? statement.getCause() : cause;
        String note;
        try {
            backups().restore(backup);
            if (backup.file() != null) {
                this.history.delete(rank);
                return new MigrationFailedException(migration, "up()", false, sql, line, reported, "The database"
                        + " cannot roll back its changes, so Cairn restored the database file from "
                        + backup.displayName() + ": it is as it was before this migration.");
            }
            note = "Cairn restored the rows of " + String.join(", ", backup.tables()) + " from "
                    + backup.displayName() + "; what else it changed may remain.";
        }
        catch (RuntimeException ex) {
            note = "It was not restored from " + backup.displayName() + " automatically: " + ex.getMessage()
                    + (ex instanceof MigrationException migrationException ? " " + migrationException.getAction()
                            : "");
        }
        MigrationFailedException failure = new MigrationFailedException(migration, "up()", true, sql, line,
                reported, note);
        try {
            this.history.complete(rank, millisSince(start), false);
        }
        catch (RuntimeException ex) {
            failure.addSuppressed(ex);
        }
        return failure;
    }

    private Backups backups() {
        Backups backups = this.backups;
        if (backups == null) {
            backups = Backups.of(this.database, this.database.settings());
            this.backups = backups;
        }
        return backups;
    }

    /**
     * Reverts the migration and removes its history row.
     * @param migration the migration
     * @param row its history row
     * @throws MigrationFailedException when {@code down} fails; where changes may remain, its row is marked FAILED
     */
    public void revert(ExecutableMigration migration, AppliedMigration row) {
        boolean recordFirst = changesMayRemain(migration);
        long start = System.nanoTime();
        this.jdbc.forget();
        try {
            if (recordFirst) {
                runInTransaction((context) -> {
                    this.lock.fence(context.connection());
                    this.history.markStarted(row.installedRank(), Holder.DESCRIPTION);
                    return null;
                });
            }
            run(migration, (context) -> {
                migration.down(context);
                this.lock.fence(context.connection());
                this.history.delete(row.installedRank());
                return null;
            });
        }
        catch (Throwable ex) {
            throw failed(migration, "down()", ex,
                    recordFirst ? () -> this.history.complete(row.installedRank(), millisSince(start), false) : null);
        }
    }

    /**
     * Runs work on the migrating connection in a transaction of its own, such as a listener's run-level event.
     * @param work the work
     * @param <T> what it returns
     * @return what it returned
     * @throws Exception when the work fails; the transaction is rolled back
     */
    public <T> T runInTransaction(Work<T> work) throws Exception {
        try {
            return inTransaction(null, work);
        }
        catch (WorkException ex) {
            throw (Exception) ex.getCause();
        }
    }

    /**
     * The failure to report, after marking the migration's row FAILED where it may have left changes behind, so
     * the next start refuses to run until it is repaired.
     */
    private MigrationFailedException failed(ExecutableMigration migration, String operation, Throwable cause,
            @Nullable Runnable recordFailure) {
        StatementException statement = StatementException.find(cause);
        String sql = (statement != null) ? statement.statement() : this.jdbc.failedStatement();
        int line = (statement != null) ? statement.line() : 0;
        Throwable reported = (statement != null && statement.getCause() != null) ? statement.getCause() : cause;
        MigrationFailedException failure = new MigrationFailedException(migration, operation,
                recordFailure != null, sql, line, reported);
        if (recordFailure != null) {
            try {
                recordFailure.run();
            }
            catch (RuntimeException ex) {
                failure.addSuppressed(ex);
            }
        }
        return failure;
    }

    private boolean changesMayRemain(ExecutableMigration migration) {
        return !migration.transactional() || !this.dialect.supportsTransactionalDdl();
    }

    private <T> T run(ExecutableMigration migration, Work<T> work) throws Exception {
        if (migration.transactional()) {
            try {
                return inTransaction(migration, work);
            }
            catch (WorkException ex) {
                throw (Exception) ex.getCause();
            }
        }
        return withoutTransaction(migration, work);
    }

    private <T> T inTransaction(@Nullable ResolvedMigration migration, Work<T> work) {
        if (migration instanceof ExecutableMigration executable
                && executable.needsForeignKeysOff(this.dialect.name())) {
            return ForeignKeysOff.around(this.dataSource, () -> transaction(migration, work));
        }
        return transaction(migration, work);
    }

    private <T> T transaction(@Nullable ResolvedMigration migration, Work<T> work) {
        return this.transactions.execute((status) -> {
            Connection connection = DataSourceUtils.getConnection(this.dataSource);
            try {
                return work.run(new RunContext(this.jdbc, connection, this.dialect, migration));
            }
            catch (RuntimeException | Error ex) {
                throw ex;
            }
            catch (Exception ex) {
                throw new WorkException(ex);
            }
        });
    }

    private <T> T withoutTransaction(ResolvedMigration migration, Work<T> work) throws Exception {
        Connection connection = this.dataSource.getConnection();
        boolean autoCommit = connection.getAutoCommit();
        try {
            if (!autoCommit) {
                connection.setAutoCommit(true);
            }
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            return work.run(new RunContext(jdbc, connection, this.dialect, migration));
        }
        finally {
            restore(connection, autoCommit);
        }
    }

    private static void restore(Connection connection, boolean autoCommit) throws SQLException {
        try {
            if (!autoCommit) {
                connection.setAutoCommit(false);
            }
        }
        finally {
            connection.close();
        }
    }

    private AppliedMigration row(ExecutableMigration migration, Recorded recorded, int rank, Instant installedOn,
            @Nullable Long executionTime, boolean success) {
        return new AppliedMigration(rank, migration.version(), migration.description(), migration.type(),
                migration.script(), migration.checksum(), installedOn, this.database.installedBy(), executionTime, success,
                Holder.DESCRIPTION, recorded.additive(), recorded.breakingReason());
    }

    /**
     * What the history records of a migration's changes.
     */
    private record Recorded(boolean additive, @Nullable String breakingReason) {
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * Work done on the migrating connection.
     * @param <T> what it returns
     */
    @FunctionalInterface
    public interface Work<T> {

        T run(MigrationContext context) throws Exception;

    }

    /** Carries a checked exception out of a transaction callback, which rolls back on it. */
    private static final class WorkException extends RuntimeException {

        WorkException(Exception cause) {
            super(cause);
        }

    }

}
