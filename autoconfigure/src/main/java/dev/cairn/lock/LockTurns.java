package dev.cairn.lock;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * The threads of one JVM that want one {@link SqliteFileLock}, served one at a time in the order they came, and what
 * the thread whose turn it is knows of the holder, for the others to log.
 */
final class LockTurns {

    private static final ConcurrentHashMap<String, LockTurns> TURNS = new ConcurrentHashMap<>();

    private final Semaphore turn = new Semaphore(1, true);

    private volatile @Nullable String holder;

    private boolean canOpen;

    private LockTurns() {
    }

    /**
     * The turns for one lock file or in-memory database, the same for every caller in this JVM.
     * @param key the lock file's real path, or a name for an in-memory database
     * @return the turns
     */
    static LockTurns of(String key) {
        return TURNS.computeIfAbsent(key, (any) -> new LockTurns());
    }

    boolean take(long waitNanos) throws InterruptedException {
        return this.turn.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
    }

    void giveUp() {
        this.holder = null;
        this.turn.release();
    }

    @Nullable String holder() {
        return this.holder;
    }

    void holder(String holder) {
        this.holder = holder;
    }

    /**
     * Creates the lock file if it is missing, the first time only: until then no thread of this JVM has opened it,
     * so closing it here cannot release a lock this process holds on it.
     * @param file the lock file
     * @throws IOException when it cannot be created or opened for writing
     */
    synchronized void checkCanOpen(Path file) throws IOException {
        if (!this.canOpen) {
            FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE).close();
            this.canOpen = true;
        }
    }

}
