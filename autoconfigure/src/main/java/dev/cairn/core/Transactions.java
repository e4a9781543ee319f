package dev.cairn.core;

import java.sql.Connection;

import javax.sql.DataSource;

import dev.cairn.ResolvedMigration;
import dev.cairn.SqlDialect;
import dev.cairn.core.MigrationExecutor.Work;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work on the migrating database in a transaction of its own, outside any migration: a listener's run-level or
 * error event.
 */
final class Transactions {

    private Transactions() {
    }

    static <T> T run(DataSource dataSource, SqlDialect dialect, @Nullable ResolvedMigration migration, Work<T> work)
            throws Exception {
        try {
            return new TransactionTemplate(new DataSourceTransactionManager(dataSource)).execute((status) -> {
                Connection connection = DataSourceUtils.getConnection(dataSource);
                try {
                    return work.run(new RunContext(new JdbcTemplate(dataSource), connection, dialect, migration));
                }
                catch (RuntimeException ex) {
                    throw ex;
                }
                catch (Exception ex) {
                    throw new Checked(ex);
                }
            });
        }
        catch (Checked ex) {
            throw (Exception) ex.getCause();
        }
    }

    private static final class Checked extends RuntimeException {

        Checked(Exception cause) {
            super(cause);
        }

    }

}
