package dev.cairn.background;

import java.time.Duration;

import dev.cairn.BackgroundMigrationInfo;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.StringUtils;

/**
 * The progress line a running background migration logs every few seconds: rows done of the estimate, the rate
 * and the time left, as the state table records them.
 */
final class Progress {

    private static final Log logger = LogFactory.getLog(Worker.class);

    private final StateTable table;

    private final String id;

    private final long intervalNanos;

    private long next;

    Progress(StateTable table, String id, Duration interval) {
        this.table = table;
        this.id = id;
        this.intervalNanos = interval.toNanos();
        this.next = System.nanoTime() + this.intervalNanos;
    }

    void batchDone() {
        long now = System.nanoTime();
        if (now - this.next < 0 || !logger.isInfoEnabled()) {
            return;
        }
        this.next = now + this.intervalNanos;
        BackgroundMigrationInfo row = this.table.read(this.id);
        if (row != null) {
            logger.info(line(row));
        }
    }

    static String line(BackgroundMigrationInfo row) {
        StringBuilder line = new StringBuilder(StringUtils.capitalize(row.displayName())).append(": ")
            .append(row.rowsDone());
        if (row.rowsEstimate() != null) {
            line.append(" of ").append(row.rowsEstimate());
        }
        line.append(" rows");
        Long rate = row.rowsPerSecond();
        if (rate != null) {
            line.append(", ").append(rate).append(" rows/s");
        }
        Duration left = row.timeLeft();
        if (left != null) {
            line.append(", about ").append(left.toSeconds()).append(" s left");
        }
        return line.append(", batches of ").append(row.batchSize()).append(" keys").toString();
    }

}
