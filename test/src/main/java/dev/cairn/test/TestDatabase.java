package dev.cairn.test;

import javax.sql.DataSource;

/**
 * One fresh, empty database made by a {@link TestDatabaseFactory} for one check, dropped when the check is done.
 *
 * @param description what it is, for messages, such as {@code PostgreSQL schema cairn_test_1a2b3c4d5e}
 * @param dataSource where its connections come from
 * @param drop what removes it, or does nothing where the database goes away by itself
 */
public record TestDatabase(String description, DataSource dataSource, Runnable drop) implements AutoCloseable {

    /**
     * Drops the database.
     */
    @Override
    public void close() {
        this.drop.run();
    }

    @Override
    public String toString() {
        return this.description;
    }

}
