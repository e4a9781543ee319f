package dev.cairn.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.DriftMode;
import dev.cairn.Migration;
import dev.cairn.MigrationContext;
import dev.cairn.MigrationRunner;
import dev.cairn.MigrationSettings;
import dev.cairn.core.schema.LiveSchema;
import dev.cairn.core.schema.SchemaSnapshot;
import dev.cairn.dialect.Dialects;

/**
 * The drift benchmark: what {@code cairn.drift=fail} adds to a start with nothing pending, on a schema of N tables
 * (five columns, a primary key, an index and a foreign key each), on SQLite and PostgreSQL. A start with
 * {@code cairn.drift=warn} reads no schema and is the baseline. The check reads the schema and hashes it; only when
 * the hash differs from the recorded one is the recorded snapshot read and compared object by object, timed apart.
 * Writes its block of RESULTS.md.
 *
 * <p>Arguments (after {@code drift}): {@code tables=100,1000}, {@code runs=7}, {@code databases=sqlite,postgresql},
 * {@code output=RESULTS.md}, {@code postgres=<jdbc-url>}.
 */
final class DriftBenchmark {

    static final String START = "<!-- drift:start -->";

    static final String END = "<!-- drift:end -->";

    private DriftBenchmark() {
    }

    static void run(List<String> args) throws Exception {
        Map<String, String> options = BenchmarkArguments.parse(Map.of("tables", "100,1000", "runs", "7",
                "databases", "sqlite,postgresql", "output", "RESULTS.md",
                "postgres", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"), args);
        int runs = Integer.parseInt(options.get("runs"));
        List<String> notes = new ArrayList<>();
        List<TargetDatabase> databases = BenchmarkArguments.databases(options, notes);
        long start = System.nanoTime();
        StringBuilder rows = new StringBuilder();
        for (TargetDatabase database : databases) {
            for (String count : options.get("tables").split(",")) {
                rows.append(measure(database, Integer.parseInt(count), runs));
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        String block = "Latest drift run: "
                + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))
                + ", median of " + runs + " starts per cell after one to warm the JVM, " + elapsed.toSeconds()
                + " s in all.\n\n" + String.join("", notes.stream().map((note) -> "- " + note + "\n").toList())
                + "| database | tables | start, drift=warn (ms) | start, drift=fail (ms) | added by the check (ms) |"
                + " read the schema (ms) | name the differences, only when the hash differs (ms) | first check in the JVM (ms) | snapshot (KB) |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n" + rows;
        System.out.println(block);
        Report.write(Path.of(options.get("output")), block, START, END);
    }

    private static String measure(TargetDatabase database, int tables, int runs) throws Exception {
        TargetDatabase.Scratch scratch = database.create();
        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl(scratch.url());
            dataSource.setMaximumPoolSize(4);
            List<Migration> migrations = List.of(new CreateTables(tables));
            new MigrationRunner(dataSource, migrations, settings(DriftMode.WARN)).migrate();
            double first = millis(() -> time(() -> migrate(dataSource, migrations, DriftMode.FAIL)));
            migrate(dataSource, migrations, DriftMode.WARN);
            double warn = median(runs, () -> time(() -> migrate(dataSource, migrations, DriftMode.WARN)));
            double fail = median(runs, () -> time(() -> migrate(dataSource, migrations, DriftMode.FAIL)));
            SchemaSnapshot[] snapshot = new SchemaSnapshot[1];
            double read = median(runs, () -> time(() -> snapshot[0] = read(dataSource)));
            SchemaSnapshot recorded = SchemaSnapshot.parse(snapshot[0].text());
            double compare = median(runs, () -> time(() -> {
                if (!snapshot[0].differences(SchemaSnapshot.parse(recorded.text())).isEmpty()) {
                    throw new IllegalStateException("Drift where there is none");
                }
            }));
            String row = "| " + database.label() + " | " + tables + " | " + format(warn) + " | " + format(fail)
                    + " | " + format(fail - warn) + " | " + format(read) + " | " + format(compare) + " | "
                    + format(first) + " | " + snapshot[0].text().length() / 1024 + " |\n";
            System.out.print(row);
            return row;
        }
        finally {
            scratch.drop();
        }
    }

    private static void migrate(HikariDataSource dataSource, List<Migration> migrations, DriftMode drift) {
        new MigrationRunner(dataSource, migrations, settings(drift)).migrate();
    }

    private static SchemaSnapshot read(HikariDataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return LiveSchema.read(connection, Dialects.forProductName(connection.getMetaData()
                .getDatabaseProductName()), null, LiveSchema.cairnTables(MigrationSettings.defaults(), Set.of()));
        }
        catch (java.sql.SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static MigrationSettings settings(DriftMode drift) {
        return MigrationSettings.defaults().withDrift(drift);
    }

    private static long time(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return System.nanoTime() - start;
    }

    private static double millis(LongSupplier nanos) {
        return nanos.getAsLong() / 1_000_000.0;
    }

    private static double median(int runs, LongSupplier nanos) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            times.add(millis(nanos));
        }
        times.sort(null);
        return times.get(times.size() / 2);
    }

    private static String format(double millis) {
        return String.format(Locale.ROOT, "%.1f", millis);
    }

    /**
     * Creates the tables, each with a foreign key to the one before it.
     */
    private record CreateTables(int tables) implements Migration {

        @Override
        public long version() {
            return 1;
        }

        @Override
        public String description() {
            return "Create " + this.tables + " tables";
        }

        @Override
        public void up(MigrationContext context) {
            for (int i = 0; i < this.tables; i++) {
                context.jdbc().execute("CREATE TABLE t_" + i + " (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(100)"
                        + " NOT NULL, amount DECIMAL(10,2) DEFAULT 0, created_at TIMESTAMP, parent_id INTEGER"
                        + ((i > 0) ? " REFERENCES t_" + (i - 1) + " (id) ON DELETE CASCADE" : "") + ")");
                context.jdbc().execute("CREATE INDEX t_" + i + "_by_name ON t_" + i + " (name)");
            }
        }

    }

}
