package dev.cairn.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.cairn.benchmarks.TargetDatabase.Scratch;
import dev.cairn.benchmarks.contender.SchemaMix;
import dev.cairn.benchmarks.contender.Tool;
import org.jspecify.annotations.Nullable;

/**
 * The schema benchmark: N schema migrations (a {@link SchemaMix} of new tables, added columns and indexes) and the
 * declared schema they fold to, given to Cairn, side by side with raw JDBC running the same DDL with one history row
 * per migration, cold and warm, on SQLite and PostgreSQL, every measurement in a JVM of its own as the suite's cold
 * and warm scenarios measure; then the fold and the comparison alone, in memory. Writes its block of RESULTS.md.
 *
 * <p>Arguments (after {@code schema}): {@code sizes=100,1000}, {@code runs=5}, {@code warmups=1},
 * {@code databases=sqlite,postgresql}, {@code output=RESULTS.md}, {@code postgres=<jdbc-url>}.
 */
final class SchemaBenchmark {

    static final String START = "<!-- schema:start -->";

    static final String END = "<!-- schema:end -->";

    static final String CAIRN = "Cairn, schema migrations + declared schema";

    static final String RAW_CHECKSUMS = "raw JDBC, validating checksums of its DDL";

    private static final double TARGET = 1.5;

    /**
     * Raw JDBC twice: as the suite's floor, which compares descriptions only, and recording the CRC-32 of each
     * migration's statements and comparing them when warm, as the SQL scripts' floor checksums its scripts.
     */
    private static final List<Entrant> ENTRANTS = List.of(new Entrant(Tool.RAW_JDBC, false, Report.RAW),
            new Entrant(Tool.RAW_JDBC, true, RAW_CHECKSUMS), new Entrant(Tool.CAIRN, false, CAIRN));

    private final int runs;

    private final int warmups;

    private final ChildJvm jvm;

    private final Results results = new Results();

    private SchemaBenchmark(int runs, int warmups, ChildJvm jvm) {
        this.runs = runs;
        this.warmups = warmups;
        this.jvm = jvm;
    }

    static void run(List<String> args) throws Exception {
        Map<String, String> options = BenchmarkArguments.parse(Map.of("sizes", "100,1000", "runs", "5", "warmups",
                "1", "databases", "sqlite,postgresql", "output", "RESULTS.md",
                "postgres", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"), args);
        List<Integer> sizes = List.of(options.get("sizes").split(",")).stream().map(Integer::valueOf).toList();
        List<String> notes = new ArrayList<>();
        List<TargetDatabase> databases = BenchmarkArguments.databases(options, notes);
        long start = System.nanoTime();
        SchemaBenchmark benchmark = new SchemaBenchmark(Integer.parseInt(options.get("runs")),
                Integer.parseInt(options.get("warmups")), new ChildJvm(Path.of("target", "bench-logs"), List.of()));
        for (TargetDatabase database : databases) {
            for (int size : sizes) {
                benchmark.coldAndWarm(database, new SchemaMix(size));
            }
        }
        Map<Integer, Map<String, String>> folds = new LinkedHashMap<>();
        for (int size : sizes) {
            folds.put(size, benchmark.fold(size));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        String block = "Latest schema run: " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .format(Instant.now().atOffset(ZoneOffset.UTC)) + ", " + benchmark.warmups + " warm-up + " + benchmark.runs
                + " counted runs per cell, " + elapsed.toMinutes() + " min " + elapsed.toSecondsPart() + " s in all.\n\n"
                + String.join("", notes.stream().map((note) -> "- " + note + "\n").toList())
                + new SchemaReport(benchmark.results, TARGET).render(databases, sizes, folds);
        System.out.println(block);
        Report.write(Path.of(options.get("output")), block, START, END);
    }

    /**
     * Cold runs, each on a fresh database, contenders interleaved; the last cold database of each contender then
     * serves its warm runs.
     */
    private void coldAndWarm(TargetDatabase database, SchemaMix mix) throws Exception {
        Map<Entrant, Scratch> applied = new LinkedHashMap<>();
        int rounds = this.warmups + this.runs;
        for (int round = 0; round < rounds; round++) {
            for (Entrant entrant : ENTRANTS) {
                Scratch scratch = database.create();
                boolean ok = measure(Scenario.COLD, database, mix, entrant, scratch, round);
                if (ok && round == rounds - 1) {
                    applied.put(entrant, scratch);
                }
                else {
                    scratch.drop();
                }
            }
        }
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<Entrant, Scratch> entry : applied.entrySet()) {
                measure(Scenario.WARM, database, mix, entry.getKey(), entry.getValue(), round);
            }
        }
        for (Scratch scratch : applied.values()) {
            scratch.drop();
        }
    }

    private boolean measure(Scenario scenario, TargetDatabase database, SchemaMix mix, Entrant entrant,
            Scratch scratch, int round) throws Exception {
        Tool tool = entrant.tool();
        String kind = scenario.name().toLowerCase(Locale.ROOT);
        String name = "schema-" + kind + "-" + database.id() + "-" + mix.size() + "-" + tool.id()
                + (entrant.checksums() ? "-checksums" : "") + "-" + round;
        System.out.print(name + ": ");
        ChildJvm.Outcome outcome = this.jvm.run(name, Set.of(tool), List.of(),
                List.of("-Dlogback.configurationFile=bench-logback.xml"), SchemaMeasurement.class,
                List.of(tool.id(), kind, scratch.url(), Integer.toString(mix.size()),
                        entrant.checksums() ? "checksums" : "plain"));
        Samples samples = this.results.cell(scenario, database.label(), mix.size(), entrant.label());
        String problem = outcome.succeeded() ? verify(scratch, mix, tool.historyTable()) : outcome.failure();
        if (problem != null) {
            samples.fail(problem);
            System.out.println("FAILED: " + problem);
            return false;
        }
        System.out.printf("%.1f ms, peak RSS %d MB%n", outcome.millis(), outcome.rssKb() / 1024);
        if (round >= this.warmups) {
            samples.add(outcome.millis(), outcome.rssKb());
            samples.check(mix.tables() + " tables, " + mix.size() + " history rows");
        }
        return true;
    }

    private static @Nullable String verify(Scratch scratch, SchemaMix mix, String historyTable) throws Exception {
        long tables = scratch.tables();
        long rows = scratch.rows(historyTable);
        if (tables != mix.tables() || rows != mix.size()) {
            return "expected " + mix.tables() + " tables and " + mix.size() + " rows in " + historyTable + ", found "
                    + tables + " tables and " + rows + " rows";
        }
        return null;
    }

    /**
     * The fold and the comparison in memory, in a JVM of their own.
     */
    private Map<String, String> fold(int size) throws Exception {
        String name = "schema-fold-" + size;
        ChildJvm.Outcome outcome = this.jvm.run(name, Set.of(Tool.CAIRN), List.of(),
                List.of("-Dlogback.configurationFile=bench-logback.xml"), SchemaMeasurement.class,
                List.of(Tool.CAIRN.id(), "fold", "-", Integer.toString(size)));
        if (!outcome.succeeded()) {
            throw new IllegalStateException(name + " failed: " + outcome.failure());
        }
        System.out.println(name + ": " + outcome.values());
        return outcome.values();
    }

    /**
     * One contender as the tables name it.
     * @param tool the tool, whose jars its child gets
     * @param checksums for raw JDBC, whether it validates checksums of its DDL
     * @param label its name in the tables
     */
    private record Entrant(Tool tool, boolean checksums, String label) {
    }

}
