package dev.cairn.lock;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import dev.cairn.MigrationLockException;

/**
 * A lock that one instance of an application holds while it migrates, so others wait instead of migrating too.
 */
public interface MigrationLock {

    /**
     * Takes the lock, waiting for it up to the timeout.
     * @param timeout how long to wait
     * @throws MigrationLockException when another holder keeps it longer
     */
    void acquire(Duration timeout);

    /**
     * Fails when the lock was lost since it was taken (a lease that could not be renewed), so no further migration
     * runs without it.
     */
    void checkHeld();

    /**
     * Makes sure, inside a migration's own transaction, that the lock is still held, so that the migration commits
     * only while it is. Locks that cannot be lost while their holder lives do nothing.
     * @param connection the migration's connection, in its transaction where it has one
     * @throws SQLException when the database fails
     * @throws dev.cairn.MigrationException when the lock was lost
     */
    default void fence(Connection connection) throws SQLException {
    }

    /**
     * Releases the lock. Does nothing when it is not held.
     */
    void release();

}
