package dev.cairn.lock;

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
     * Releases the lock. Does nothing when it is not held.
     */
    void release();

}
