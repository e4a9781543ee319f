package dev.cairn.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import dev.cairn.benchmarks.contender.Workload.Form;

/**
 * Runs every benchmark, prints the Markdown table and writes it into the results file: Cairn side by side with
 * raw JDBC, Flyway and Liquibase, cold, warm, at application start and at a contended start, on SQLite and
 * PostgreSQL, with the migrations as Java classes and (cold, warm, app start) as SQL scripts. See
 * {@link SuiteOptions} for the arguments.
 */
public final class BenchmarkSuite {

    private BenchmarkSuite() {
    }

    public static void main(String[] args) throws Exception {
        List<String> words = List.of(String.join(" ", args).trim().split("\\s+"));
        if (!words.isEmpty() && words.get(0).equals("backfill")) {
            BackfillBenchmark.run(words.subList(1, words.size()));
            return;
        }
        if (!words.isEmpty() && words.get(0).equals("drift")) {
            DriftBenchmark.run(words.subList(1, words.size()));
            return;
        }
        if (!words.isEmpty() && words.get(0).equals("schema")) {
            SchemaBenchmark.run(words.subList(1, words.size()));
            return;
        }
        SuiteOptions options = SuiteOptions.parse(args);
        long start = System.nanoTime();
        System.out.println("Cairn benchmarks, " + options.describe());
        Results results = new Results();
        List<TargetDatabase> databases = databases(options, results);
        ChildJvm jvm = new ChildJvm(Path.of("target", "bench-logs"), List.of("-Dliquibase.analytics.enabled=false"));
        ScenarioRunner runner = new ScenarioRunner(options, jvm, results);
        for (Form form : Form.values()) {
            for (int size : options.sizes) {
                for (TargetDatabase database : databases) {
                    if (options.scenarios.contains(Scenario.cold(form))
                            || options.scenarios.contains(Scenario.warm(form))) {
                        runner.coldAndWarm(database, size, form);
                    }
                }
            }
            for (int size : options.appSizes) {
                for (TargetDatabase database : databases) {
                    if (options.scenarios.contains(Scenario.appStart(form))) {
                        runner.appStart(database, size, form);
                    }
                }
            }
        }
        for (int size : options.contendedSizes) {
            for (TargetDatabase database : databases) {
                if (options.scenarios.contains(Scenario.CONTENDED) && database instanceof TargetDatabase.Postgres) {
                    runner.contended(database, size);
                }
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        String block = header(options, databases, elapsed) + new Report(results).tables()
                + new Targets(results).table(databases.stream().map(TargetDatabase::label).toList(),
                        options.appSizes);
        System.out.println();
        System.out.println(block);
        Report.write(options.output, block);
        System.out.println("Written to " + options.output.toAbsolutePath());
    }

    private static List<TargetDatabase> databases(SuiteOptions options, Results results) {
        List<TargetDatabase> databases = new ArrayList<>();
        if (options.databases.contains("sqlite")) {
            databases.add(new TargetDatabase.Sqlite(Path.of("target", "bench-data")));
        }
        if (options.databases.contains("postgresql")) {
            TargetDatabase postgres = new TargetDatabase.Postgres(options.postgresUrl);
            String reason = postgres.unavailableReason();
            if (reason == null) {
                databases.add(postgres);
            }
            else {
                results.note("PostgreSQL cells skipped: " + reason);
            }
        }
        return databases;
    }

    private static String header(SuiteOptions options, List<TargetDatabase> databases, Duration elapsed) {
        StringBuilder out = new StringBuilder();
        out.append("Latest run: ")
            .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
            .append(", ").append(options.describe()).append(", ").append(elapsed.toMinutes()).append(" min ")
            .append(elapsed.toSecondsPart()).append(" s in all.\n\n");
        out.append("- Machine: ").append(Environment.machine()).append('\n');
        out.append("- Versions: ").append(Environment.versions()).append('\n');
        for (TargetDatabase database : databases) {
            out.append("- ").append(database.label()).append(' ').append(database.version()).append('\n');
        }
        return out.toString();
    }

}
