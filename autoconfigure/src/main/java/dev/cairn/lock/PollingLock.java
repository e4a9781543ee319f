package dev.cairn.lock;

import java.time.Duration;

import dev.cairn.MigrationLockException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A lock taken by trying again until it is free, logging every few seconds who holds it.
 */
abstract class PollingLock implements MigrationLock {

    private static final Log logger = LogFactory.getLog(MigrationLock.class);

    private static final long LOG_INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();

    private final String name;

    PollingLock(String name) {
        this.name = name;
    }

    @Override
    public final void acquire(Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long nextLog = start + LOG_INTERVAL_NANOS;
        long pause = 20;
        while (!tryAcquire()) {
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                String holder = holder();
                release();
                throw new MigrationLockException(this.name, holder, timeout);
            }
            if (now - nextLog >= 0) {
                logger.info("Waiting for the migration lock " + this.name + " held by " + holder() + " ("
                        + Duration.ofNanos(now - start).toSeconds() + " s so far)");
                nextLog = now + LOG_INTERVAL_NANOS;
            }
            sleep(Math.min(pause, Math.max(1, (deadline - now) / 1_000_000)));
            pause = Math.min(pause * 2, 500);
        }
    }

    /**
     * Tries once to take the lock.
     * @return whether it is now held
     */
    protected abstract boolean tryAcquire();

    /**
     * Describes whoever holds the lock now, for logs and errors.
     * @return a description such as "pid 42 (postgres@10.0.0.7)"
     */
    protected abstract String holder();

    protected String name() {
        return this.name;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the migration lock", ex);
        }
    }

}
