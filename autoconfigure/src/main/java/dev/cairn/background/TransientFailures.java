package dev.cairn.background;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

import org.springframework.dao.TransientDataAccessException;

/**
 * Tells the failures worth retrying a batch for (lock timeouts, deadlocks, serialization failures, a busy SQLite
 * file) from the ones that will fail again. Spring's exception translation covers PostgreSQL and MariaDB; SQLite's
 * driver reports no SQL state, so its result codes are checked here.
 */
final class TransientFailures {

    /** Serialization failure, deadlock (PostgreSQL), lock not available, statement timeout. */
    private static final Set<String> STATES = Set.of("40001", "40P01", "55P03", "57014");

    /** MariaDB and MySQL: lock wait timeout, deadlock. */
    private static final Set<Integer> MARIADB_CODES = Set.of(1205, 1213);

    /** SQLite: SQLITE_BUSY, SQLITE_LOCKED. */
    private static final Set<Integer> SQLITE_CODES = Set.of(5, 6);

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof SQLTransientException) {
                return true;
            }
            if (cause instanceof SQLException sql && isTransient(sql)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static boolean isTransient(SQLException ex) {
        if (ex.getSQLState() != null && STATES.contains(ex.getSQLState())) {
            return true;
        }
        if (ex.getClass().getName().startsWith("org.sqlite.")) {
            return SQLITE_CODES.contains(ex.getErrorCode() & 0xff);
        }
        return MARIADB_CODES.contains(ex.getErrorCode());
    }

}
