package dev.cairn.benchmarks.contender;

import javax.sql.DataSource;

/**
 * One migration tool under measurement: applies the pending migrations of its {@link Workload}, or finds that
 * none are pending. Everything a contender does in {@link #migrate} is timed; its constructor is not.
 */
public interface Contender {

    /**
     * Applies whatever is pending, exactly as the tool's user would ask it to.
     * @param dataSource the database, the same kind of pool with the same settings for every contender
     * @throws Exception when the tool fails
     */
    void migrate(DataSource dataSource) throws Exception;

}
