package dev.cairn.dialect;

/**
 * H2: transactional DDL is not reliable (DDL commits), so failures are recorded; a lease row locks.
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
    public String currentTimeMillisQuery() {
        return "SELECT CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT)";
    }

}
