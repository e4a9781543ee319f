package dev.cairn.dialect;

import dev.cairn.core.sql.SqlSyntax;

/**
 * H2: transactional DDL is not reliable (DDL commits), so migrations are recorded before they run; a lease row
 * locks.
 */
public class H2Dialect implements Dialect {

    @Override
    public String name() {
        return "H2";
    }

    @Override
    public boolean supportsTransactionalDdl() {
        return false;
    }

    @Override
    public SqlSyntax sqlSyntax() {
        return SqlSyntax.H2;
    }

    @Override
    public String currentTimeMillisQuery() {
        return "SELECT CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT)";
    }

    @Override
    public String isWholeNumber(String column) {
        return "REGEXP_LIKE(" + column + ", '^[0-9]{1,18}$')";
    }

}
