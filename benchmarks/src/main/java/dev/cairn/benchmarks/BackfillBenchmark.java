package dev.cairn.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.cairn.benchmarks.TargetDatabase.Scratch;
import dev.cairn.benchmarks.contender.Tool;
import org.jspecify.annotations.Nullable;

/**
 * The backfill benchmark: a table of N rows filled by one {@code UPDATE} statement (the floor) and by a Cairn
 * background migration, side by side on SQLite and PostgreSQL, each in a JVM of its own on a fresh database, while
 * the application's own single-row updates run. Writes its block of RESULTS.md.
 *
 * <p>Arguments (after {@code backfill}): {@code rows=100000,1000000}, {@code runs=3}, {@code databases=sqlite,postgresql},
 * {@code output=RESULTS.md}, {@code postgres=<jdbc-url>}.
 */
final class BackfillBenchmark {

    static final String START = "<!-- backfill:start -->";

    static final String END = "<!-- backfill:end -->";

    private static final List<String> CONTENDERS = List.of("update", "cairn");

    private BackfillBenchmark() {
    }

    static void run(List<String> args) throws Exception {
        Map<String, String> options = BenchmarkArguments.parse(Map.of("rows", "100000,1000000", "runs", "3",
                "databases", "sqlite,postgresql", "output", "RESULTS.md",
                "postgres", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"), args);
        List<Integer> sizes = List.of(options.get("rows").split(",")).stream().map(Integer::valueOf).toList();
        int runs = Integer.parseInt(options.get("runs"));
        List<String> notes = new ArrayList<>();
        List<TargetDatabase> databases = BenchmarkArguments.databases(options, notes);
        long start = System.nanoTime();
        ChildJvm jvm = new ChildJvm(Path.of("target", "bench-logs"), List.of());
        Map<String, List<Map<String, String>>> cells = new LinkedHashMap<>();
        for (TargetDatabase database : databases) {
            for (int rows : sizes) {
                for (int round = 0; round < runs; round++) {
                    for (String contender : CONTENDERS) {
                        Scratch scratch = database.create();
                        try {
                            String name = "backfill-" + database.id() + "-" + rows + "-" + contender + "-" + round;
                            System.out.println(name);
                            ChildJvm.Outcome outcome = jvm.run(name, Set.of(Tool.CAIRN), List.of(), List.of(),
                                    Backfill.class, List.of(contender, scratch.url(), Integer.toString(rows)));
                            if (!outcome.succeeded()) {
                                throw new IllegalStateException(name + " failed: " + outcome.failure());
                            }
                            Map<String, String> values = new LinkedHashMap<>(outcome.values());
                            System.out.println("  " + values);
                            cells.computeIfAbsent(key(database, rows, contender), (k) -> new ArrayList<>())
                                .add(values);
                        }
                        finally {
                            scratch.drop();
                        }
                    }
                }
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        String block = report(databases, sizes, runs, cells, notes, elapsed);
        System.out.println(block);
        Report.write(Path.of(options.get("output")), block, START, END);
    }

    private static String report(List<TargetDatabase> databases, List<Integer> sizes, int runs,
            Map<String, List<Map<String, String>>> cells, List<String> notes, Duration elapsed) {
        StringBuilder out = new StringBuilder();
        out.append("Latest backfill run: ")
            .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
            .append(", ").append(runs).append(" runs per cell (the median run by time is shown), ")
            .append(elapsed.toMinutes()).append(" min ").append(elapsed.toSecondsPart()).append(" s in all.\n\n");
        notes.forEach((note) -> out.append("- ").append(note).append('\n'));
        out.append("| database | rows | contender | time (ms) | rows/s | batches | batch p99 (ms) |"
                + " single-row updates meanwhile: count, p99, max (ms) | peak RSS (MB) |\n");
        out.append("|---|---:|---|---:|---:|---:|---:|---|---:|\n");
        List<String> targets = new ArrayList<>();
        for (TargetDatabase database : databases) {
            for (int rows : sizes) {
                Map<String, String> update = median(cells.get(key(database, rows, "update")));
                Map<String, String> cairn = median(cells.get(key(database, rows, "cairn")));
                out.append(row(database, rows, "one UPDATE statement", update));
                out.append(row(database, rows, "Cairn background migration", cairn));
                double ratio = Double.parseDouble(cairn.get("rowsPerSecond"))
                        / Double.parseDouble(update.get("rowsPerSecond"));
                // The issue states it for a million rows; below, the fixed cost of starting (about 100 ms: the
                // state table, the lease, the estimate) outweighs a backfill that takes one UPDATE 30 ms.
                targets.add(target("Throughput at least half of one UPDATE's", database, rows,
                        String.format(Locale.ROOT, "%.2f of it", ratio), (rows >= 1_000_000) ? ratio >= 0.5 : null));
                double batchP99 = Double.parseDouble(cairn.get("batchP99"));
                targets.add(target("Batch transactions' p99 at most twice the 100 ms target", database, rows,
                        cairn.get("batchP99") + " ms", batchP99 <= 200));
                double probeP99 = Double.parseDouble(cairn.get("probeP99"));
                targets.add(target("Single-row updates' p99 under 50 ms during the backfill", database, rows,
                        cairn.get("probeP99") + " ms (one UPDATE: " + update.get("probeMax") + " ms at most)",
                        probeP99 < 50));
            }
            if (sizes.size() > 1) {
                long small = rssMb(median(cells.get(key(database, sizes.get(0), "cairn"))));
                long large = rssMb(median(cells.get(key(database, sizes.get(sizes.size() - 1), "cairn"))));
                targets.add(target("Memory flat in the number of rows (peak RSS, smallest to largest table)",
                        database, sizes.get(sizes.size() - 1), small + " MB to " + large + " MB",
                        large - small <= 25));
            }
        }
        out.append("\n| target | database | rows | measured | met |\n|---|---|---:|---|---|\n");
        targets.forEach(out::append);
        return out.toString();
    }

    private static String row(TargetDatabase database, int rows, String contender, Map<String, String> values) {
        boolean cairn = contender.startsWith("Cairn");
        return "| " + database.label() + " | " + rows + " | " + contender + " | " + values.get("millis") + " | "
                + values.get("rowsPerSecond") + " | " + (cairn ? values.get("batches") : "1") + " | "
                + (cairn ? values.get("batchP99") : values.get("millis")) + " | " + values.get("probes") + ", "
                + values.get("probeP99") + ", " + values.get("probeMax") + " | " + rssMb(values) + " |\n";
    }

    private static String target(String what, TargetDatabase database, int rows, String measured,
            @Nullable Boolean met) {
        String verdict = (met == null) ? "for information" : met ? "yes" : "**no**";
        return "| " + what + " | " + database.label() + " | " + rows + " | " + measured + " | " + verdict + " |\n";
    }

    private static Map<String, String> median(List<Map<String, String>> runs) {
        List<Map<String, String>> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble((Map<String, String> run) -> Double.parseDouble(run.get("millis"))));
        return sorted.get(sorted.size() / 2);
    }

    private static long rssMb(Map<String, String> values) {
        return Long.parseLong(values.getOrDefault("rssKb", "-1")) / 1024;
    }

    private static String key(TargetDatabase database, int rows, String contender) {
        return database.id() + "/" + rows + "/" + contender;
    }

}
