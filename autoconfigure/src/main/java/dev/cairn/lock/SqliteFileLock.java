package dev.cairn.lock;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.cairn.MigrationException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lock of an SQLite database: an exclusive operating-system lock on the file {@code <database>-cairn.lock}
 * beside it. Like PostgreSQL's advisory lock it is released by the operating system when the holding process dies,
 * so it needs no lease and no heartbeat, and a holder that is busy or paused keeps it for as long as it lives.
 */
public final class SqliteFileLock extends PollingLock {

    /*
     * FileChannel.tryLock is a POSIX fcntl lock on Linux, with two traps this class is built around (see "Record
     * locking" in man 2 fcntl, and the platform dependencies in FileLock's Javadoc):
     *
     * 1. Closing ANY descriptor of a file releases every lock the process holds on that file. So the database file
     *    itself is never locked (SQLite's own locks on it would be dropped, and closing a connection would drop
     *    ours), and within a JVM only the thread whose turn it is opens the lock file. The holder's description is
     *    read through the waiter's own channel or from memory, never with Files.readString, which would release
     *    the lock that another thread of the same JVM holds.
     * 2. A second tryLock in a JVM that already holds the lock throws OverlappingFileLockException instead of
     *    returning null. So threads of one JVM first take turns (LockTurns, a fair semaphore per lock file), and
     *    only the thread whose turn it is opens the file and tries the operating-system lock.
     *
     * The lock file is left in place: deleting it would race with another process opening it.
     */

    private static final Log logger = LogFactory.getLog(MigrationLock.class);

    private static final long MAX_PAUSE_MILLIS = 250;

    private static final int MAX_DESCRIPTION = 1024;

    private final LockTurns turns;

    private final @Nullable Path file;

    private boolean hasTurn;

    private @Nullable FileChannel channel;

    private @Nullable FileLock lock;

    private @Nullable Object fileKey;

    private long pause = 10;

    private SqliteFileLock(String name, LockTurns turns, @Nullable Path file) {
        super(name);
        this.turns = turns;
        this.file = file;
    }

    /**
     * The lock for the SQLite database behind the data source: its lock file, a lock within this process for an
     * in-memory or temporary database (nothing outside the process can open it), or, where the lock file cannot be
     * created, the given lease.
     * @param dataSource the SQLite database
     * @param lockName the name of the history table, which names the lock of an in-memory database
     * @param lease the lock to use where the lock file cannot be created
     * @return an unheld lock
     */
    public static MigrationLock forDatabase(DataSource dataSource, String lockName, Supplier<MigrationLock> lease) {
        // A row mapper of its own: queryForList(sql, String.class) would set up Spring's shared conversion service.
        List<String> files = new JdbcTemplate(dataSource)
            .query("SELECT file FROM pragma_database_list WHERE name = 'main'", (rs, row) -> rs.getString(1));
        String database = files.isEmpty() ? null : files.get(0);
        if (database == null || database.isEmpty()) {
            return new SqliteFileLock(lockName + " (in-memory or temporary database, locked within this process)",
                    LockTurns.of("memory:" + lockName), null);
        }
        Path file = lockFile(Path.of(database));
        LockTurns turns = LockTurns.of(file.toString());
        try {
            turns.checkCanOpen(file);
        }
        catch (IOException ex) {
            MigrationLock fallback = lease.get();
            logger.warn("Cannot create the lock file " + file + " (" + ex + "); locking with a lease row instead,"
                    + " which instances that can create the file do not see");
            return fallback;
        }
        return new SqliteFileLock(file.toString(), turns, file);
    }

    @Override
    protected boolean tryAcquire(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            if (!this.hasTurn) {
                if (!this.turns.take(wait.toNanos())) {
                    return false;
                }
                this.hasTurn = true;
                if (this.file == null) {
                    this.turns.holder(description());
                    return true;
                }
                this.channel = FileChannel.open(this.file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
            }
            FileChannel channel = Objects.requireNonNull(this.channel);
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    this.lock = lock;
                    held(channel);
                    return true;
                }
                // For the threads of this JVM queued behind this one, which must not open the file.
                this.turns.holder(readHolder(channel));
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                pause(Math.min(this.pause, TimeUnit.NANOSECONDS.toMillis(left) + 1));
                this.pause = Math.min(this.pause * 2, MAX_PAUSE_MILLIS);
            }
        }
        catch (IOException ex) {
            release();
            throw new MigrationException("Could not take the migration lock " + name() + ": " + ex,
                    "Check that the directory of the SQLite database is writable and on a file system that supports"
                            + " file locks.", ex);
        }
        catch (InterruptedException ex) {
            release();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the migration lock", ex);
        }
        catch (RuntimeException | Error ex) {
            release();
            throw ex;
        }
    }

    private void held(FileChannel channel) throws IOException {
        String description = description();
        byte[] bytes = description.getBytes(StandardCharsets.UTF_8);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(bytes, 0, Math.min(bytes.length, MAX_DESCRIPTION)), 0);
        this.fileKey = fileKey(Objects.requireNonNull(this.file));
        this.turns.holder(description);
    }

    @Override
    protected String holder() {
        FileChannel channel = this.channel;
        if (this.hasTurn && channel != null && this.lock == null) {
            return readHolder(channel);
        }
        String holder = this.turns.holder();
        return (holder != null) ? holder : "another thread of this process (it has just taken or released the lock)";
    }

    @Override
    public void checkHeld() {
        if (this.file == null) {
            return;
        }
        FileLock lock = this.lock;
        if (lock == null || !lock.isValid()) {
            throw new MigrationException("Lost the migration lock " + name() + ": it is not held",
                    "Start the application again.");
        }
        if (!Objects.equals(fileKey(this.file), this.fileKey)) {
            throw new MigrationException("Lost the migration lock " + name() + ": the file was deleted or replaced",
                    "Leave the lock file in place while instances may migrate, and start the application again.");
        }
    }

    @Override
    public void release() {
        FileLock lock = this.lock;
        FileChannel channel = this.channel;
        this.lock = null;
        this.channel = null;
        try {
            if (lock != null && channel != null) {
                // Empty while nobody holds it, so a waiter does not name a holder that has finished.
                channel.truncate(0);
                lock.release();
            }
        }
        catch (IOException ex) {
            // Closing the channel below releases the lock all the same.
        }
        finally {
            closeQuietly(channel);
            if (this.hasTurn) {
                this.hasTurn = false;
                this.turns.giveUp();
            }
        }
    }

    private static String readHolder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(MAX_DESCRIPTION);
            channel.read(buffer, 0);
            String holder = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
            return holder.isEmpty() ? "another process (it has just taken or released the lock)" : holder;
        }
        catch (IOException ex) {
            return "another process (" + ex + ")";
        }
    }

    private static String description() {
        return Host.NAME + " (pid " + ProcessHandle.current().pid() + ", thread " + Thread.currentThread().getName()
                + "), since " + Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private static Path lockFile(Path database) {
        Path real;
        try {
            real = database.toRealPath();
        }
        catch (IOException ex) {
            real = database.toAbsolutePath().normalize();
        }
        return real.resolveSibling(real.getFileName() + "-cairn.lock");
    }

    private static @Nullable Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        }
        catch (NoSuchFileException ex) {
            return "deleted";
        }
        catch (IOException ex) {
            return ex.toString();
        }
    }

    private static void closeQuietly(@Nullable FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            }
            catch (IOException ex) {
                // The process's lock on the file is released with the descriptor, which close gives up anyway.
            }
        }
    }

    private static final class Host {

        private static final String NAME = name();

        private static String name() {
            try {
                return InetAddress.getLocalHost().getHostName();
            }
            catch (IOException ex) {
                return "unknown host";
            }
        }

    }

}
