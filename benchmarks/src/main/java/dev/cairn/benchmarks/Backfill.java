package dev.cairn.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.BackgroundMigration;
import dev.cairn.BackgroundMigrationListener;
import dev.cairn.BackgroundMigrationRunner;
import dev.cairn.BackgroundSettings;
import dev.cairn.autoconfigure.SqliteTurnTaking;

/**
 * The child JVM of one backfill measurement: a table of N rows whose {@code doubled} column is filled, by one
 * {@code UPDATE} statement (the floor) or by a Cairn background migration, while another connection of the same
 * pool updates single rows every 2 ms, as the application's own traffic. Times the backfill, and reports its
 * throughput, the 99th percentile of its batch transactions and that of the single-row updates.
 *
 * <p>Arguments: {@code <update|cairn> <jdbc-url> <rows>}.
 */
public final class Backfill {

    static final String SET = "doubled = amount * 2, touched = touched + 1";

    static final String WHERE = "doubled IS NULL";

    private Backfill() {
    }

    public static void main(String[] args) throws Exception {
        String contender = args[0];
        String url = args[1];
        int rows = Integer.parseInt(args[2]);
        Measurement.initializeLogging();
        try (HikariDataSource dataSource = dataSource(url)) {
            prepare(dataSource, url, rows);
            Probe probe = new Probe(dataSource, rows);
            List<Long> batches = Collections.synchronizedList(new ArrayList<>());
            Thread probing = new Thread(probe, "probe");
            probing.start();
            Thread.sleep(200);
            long start = System.nanoTime();
            if ("update".equals(contender)) {
                try (Connection connection = dataSource.getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.executeUpdate("UPDATE items SET " + SET + " WHERE " + WHERE);
                }
            }
            else {
                BackgroundMigrationRunner runner = BackgroundMigrationRunner.builder(dataSource)
                    .migrations(List.of(BackgroundMigration.update("1", "items").set(SET).where(WHERE)))
                    .settings(BackgroundSettings.defaults())
                    .listeners(List.of(new BackgroundMigrationListener() {
                        @Override
                        public void batchCommitted(String migration, int batchSize, long batchRows,
                                Duration duration) {
                            batches.add(duration.toNanos());
                        }
                    }))
                    .build();
                runner.start();
                if (!runner.awaitTermination(Duration.ofHours(1))) {
                    throw new IllegalStateException("The background migration did not finish within an hour");
                }
            }
            long nanos = System.nanoTime() - start;
            probe.stop();
            probing.join();
            long touched = count(dataSource, "touched = 1");
            if (touched != rows) {
                throw new IllegalStateException(touched + " of " + rows + " rows were processed once");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("millis", String.format(Locale.ROOT, "%.1f", nanos / 1e6));
            values.put("rowsPerSecond", Math.round(rows / (nanos / 1e9)));
            values.put("batches", batches.size());
            values.put("batchP99", millis(percentile(batches, 99)));
            values.put("probes", probe.latencies.size());
            values.put("probeP99", millis(percentile(probe.latencies, 99)));
            values.put("probeMax", millis(percentile(probe.latencies, 100)));
            ResultLine.print(values);
        }
        System.exit(0);
    }

    /**
     * The pool the application and the background migration share: 4 connections, as in the other scenarios; for
     * SQLite opened as Cairn's zero-configuration data source opens its file.
     */
    private static HikariDataSource dataSource(String url) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("bench");
        config.setMaximumPoolSize(4);
        if (url.startsWith("jdbc:sqlite:")) {
            String sqlite = url + "?journal_mode=WAL&busy_timeout=60000&transaction_mode=IMMEDIATE";
            config.setJdbcUrl(sqlite);
            config.setDataSource(new SqliteTurnTaking(sqlite, 60_000));
        }
        else {
            config.setJdbcUrl(url);
        }
        return new HikariDataSource(config);
    }

    private static void prepare(DataSource dataSource, String url, int rows) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE items (id INTEGER NOT NULL PRIMARY KEY, amount INTEGER NOT NULL,"
                    + " doubled INTEGER, touched INTEGER DEFAULT 0 NOT NULL)");
            String numbers = url.startsWith("jdbc:sqlite:")
                    ? "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + rows
                            + ") SELECT i, i % 97 FROM n"
                    : "SELECT i, i % 97 FROM generate_series(1, " + rows + ") AS i";
            statement.execute("INSERT INTO items (id, amount) " + numbers);
            if (!url.startsWith("jdbc:sqlite:")) {
                statement.execute("ANALYZE items");
            }
        }
    }

    private static long count(DataSource dataSource, String condition) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT COUNT(*) FROM items WHERE " + condition)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long percentile(List<Long> values, int percentile) {
        List<Long> sorted = new ArrayList<>(values);
        if (sorted.isEmpty()) {
            return 0;
        }
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    /**
     * The application's own traffic: a single-row update of a random row every 2 ms, each timed.
     */
    private static final class Probe implements Runnable {

        private final DataSource dataSource;

        private final int rows;

        private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());

        private volatile boolean stopped;

        Probe(DataSource dataSource, int rows) {
            this.dataSource = dataSource;
            this.rows = rows;
        }

        @Override
        public void run() {
            try (Connection connection = this.dataSource.getConnection();
                    PreparedStatement update = connection.prepareStatement(
                            "UPDATE items SET amount = amount WHERE id = ?")) {
                while (!this.stopped) {
                    update.setInt(1, 1 + ThreadLocalRandom.current().nextInt(this.rows));
                    long start = System.nanoTime();
                    update.executeUpdate();
                    this.latencies.add(System.nanoTime() - start);
                    Thread.sleep(2);
                }
            }
            catch (Exception ex) {
                throw new IllegalStateException("A single-row update failed during the backfill", ex);
            }
        }

        void stop() {
            this.stopped = true;
        }

    }

}
