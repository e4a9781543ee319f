package dev.cairn;

import java.time.Duration;

/**
 * Thrown when the migration lock could not be taken in time because another instance holds it.
 */
public class MigrationLockException extends MigrationException {

    private final String holder;

    public MigrationLockException(String lockName, String holder, Duration waited) {
        super("Could not take the migration lock " + lockName + " within " + waited.toMillis() + " ms: it is held by "
                + holder,
                "Wait for that instance to finish migrating and start again, or raise cairn.lock.wait-timeout. If"
                        + " the holder is gone, its lock is released when its database session ends (PostgreSQL,"
                        + " MariaDB/MySQL), when its process ends (SQLite files), or when its lease"
                        + " (cairn.lock.lease) runs out (H2 and others).");
        this.holder = holder;
    }

    public String getHolder() {
        return this.holder;
    }

}
