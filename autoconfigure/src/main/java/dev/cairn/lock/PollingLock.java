package dev.cairn.lock;

import java.time.Duration;

import dev.cairn.MigrationLockException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A lock taken by trying in slices until it is free, logging every few seconds who holds it and giving up after
 * the wait timeout. A slice may block in the database (session locks wake the moment the holder releases) or
 * try once and pause (lease rows).
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
        while (true) {
            long now = System.nanoTime();
            Duration slice = Duration.ofNanos(Math.max(1_000_000, Math.min(deadline, nextLog) - now));
            if (tryAcquire(slice)) {
                return;
            }
            now = System.nanoTime();
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
        }
    }

    /**
     * Tries to take the lock, waiting for it at most the given time.
     * @param wait how long this attempt may wait
     * @return whether it is now held
     */
    protected abstract boolean tryAcquire(Duration wait);

    /**
     * Describes whoever holds the lock now, for logs and errors.
     * @return a description such as "pid 42 (postgres@10.0.0.7)"
     */
    protected abstract String holder();

    protected String name() {
        return this.name;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the migration lock", ex);
        }
    }

}
