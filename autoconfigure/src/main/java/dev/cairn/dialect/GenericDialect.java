package dev.cairn.dialect;

/**
 * Any other database, through standard SQL: no assumption of transactional DDL, a lease row for locking and the
 * application's clock for the lease.
 */
public class GenericDialect implements Dialect {

    private final String name;

    public GenericDialect(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return this.name;
    }

    @Override
    public boolean supportsTransactionalDdl() {
        return false;
    }

}
