package dev.cairn.core;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@link JdbcTemplate} a Java migration gets: it remembers the last statement that failed, so that the failure
 * of a migration names the statement even when the migration wraps or swallows the exception's details.
 */
final class StatementRecordingJdbcTemplate extends JdbcTemplate {

    private volatile @Nullable String failedStatement;

    StatementRecordingJdbcTemplate(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected DataAccessException translateException(String task, @Nullable String sql, SQLException ex) {
        this.failedStatement = sql;
        return super.translateException(task, sql, ex);
    }

    @Nullable String failedStatement() {
        return this.failedStatement;
    }

    void forget() {
        this.failedStatement = null;
    }

}
