package dev.cairn.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import javax.sql.DataSource;

import dev.cairn.Migration;
import dev.cairn.MigrationContext;
import dev.cairn.MigrationFailedException;
import dev.cairn.dialect.Dialect;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies or reverts one migration: in its own transaction together with its history row, or, for a
 * non-transactional migration, on a connection of its own with the row written after it succeeds.
 */
public final class MigrationExecutor {

    private final DataSource dataSource;

    private final Dialect dialect;

    private final HistoryTable history;

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transactions;

    public MigrationExecutor(DataSource dataSource, Dialect dialect, HistoryTable history) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.history = history;
        this.jdbc = history.jdbc();
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /**
     * Applies the migration and records it.
     * @param migration the migration
     * @param installedBy who applies it
     * @return its history row
     * @throws MigrationFailedException when it fails, after its transaction was rolled back and, where changes may
     * remain, a FAILED row was written
     */
    public AppliedMigration apply(PlannedMigration migration, String installedBy) {
        Instant installedOn = Instant.now();
        long start = System.nanoTime();
        try {
            return run(migration, (context) -> {
                migration.migration().up(context);
                AppliedMigration row = row(migration, installedOn, installedBy, start, true);
                this.history.insert(row);
                return row;
            });
        }
        catch (Throwable ex) {
            throw failed(migration, "up()", ex,
                    () -> this.history.insert(row(migration, installedOn, installedBy, start, false)));
        }
    }

    /**
     * Reverts the migration and removes its history row.
     * @param migration the migration
     * @throws MigrationFailedException when {@code down} fails; where changes may remain, its row is marked FAILED
     */
    public void revert(PlannedMigration migration) {
        try {
            run(migration, (context) -> {
                migration.migration().down(context);
                this.history.delete(migration.version());
                return null;
            });
        }
        catch (Throwable ex) {
            throw failed(migration, "down()", ex, () -> this.history.markFailed(migration.version()));
        }
    }

    /**
     * The failure to report, after recording it in the history table where the migration may have left changes
     * behind, so the next start refuses to run until it is repaired.
     */
    private MigrationFailedException failed(PlannedMigration migration, String operation, Throwable cause,
            Runnable recordFailure) {
        boolean changesMayRemain = changesMayRemain(migration);
        MigrationFailedException failure = new MigrationFailedException(migration.version(), migration.description(),
                migration.beanName(), operation, changesMayRemain, cause);
        if (changesMayRemain) {
            try {
                recordFailure.run();
            }
            catch (RuntimeException ex) {
                failure.addSuppressed(ex);
            }
        }
        return failure;
    }

    private boolean changesMayRemain(PlannedMigration migration) {
        return !migration.migration().transactional() || !this.dialect.supportsTransactionalDdl();
    }

    private <T> T run(PlannedMigration migration, Step<T> step) throws Exception {
        if (migration.migration().transactional()) {
            try {
                return inTransaction(migration, step);
            }
            catch (StepException ex) {
                throw (Exception) ex.getCause();
            }
        }
        return runWithoutTransaction(migration, step);
    }

    private <T> T inTransaction(PlannedMigration migration, Step<T> step) {
        return this.transactions.execute((status) -> {
            Connection connection = DataSourceUtils.getConnection(this.dataSource);
            try {
                return step.run(new Context(this.jdbc, connection, this.dialect, migration.migration()));
            }
            catch (RuntimeException | Error ex) {
                throw ex;
            }
            catch (Exception ex) {
                throw new StepException(ex);
            }
        });
    }

    private <T> T runWithoutTransaction(PlannedMigration migration, Step<T> step) throws Exception {
        Connection connection = this.dataSource.getConnection();
        boolean autoCommit = connection.getAutoCommit();
        try {
            if (!autoCommit) {
                connection.setAutoCommit(true);
            }
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            return step.run(new Context(jdbc, connection, this.dialect, migration.migration()));
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

    private static AppliedMigration row(PlannedMigration migration, Instant installedOn, String installedBy,
            long start, boolean success) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new AppliedMigration(migration.version(), migration.description(), migration.type(),
                migration.checksum(), installedOn, installedBy, millis, success);
    }

    @FunctionalInterface
    private interface Step<T> {

        T run(MigrationContext context) throws Exception;

    }

    /** Carries a checked exception out of a transaction callback, which rolls back on it. */
    private static final class StepException extends RuntimeException {

        StepException(Exception cause) {
            super(cause);
        }

    }

    private record Context(JdbcTemplate jdbc, Connection connection, Dialect dialect,
            Migration migration) implements MigrationContext {

    }

}
