package dev.cairn.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.cairn.benchmarks.TargetDatabase.Scratch;
import dev.cairn.benchmarks.app.AppStart;
import dev.cairn.benchmarks.app.cairn.CairnApplication;
import dev.cairn.benchmarks.app.flyway.FlywayApplication;
import dev.cairn.benchmarks.app.plain.PlainApplication;
import dev.cairn.benchmarks.contender.Tool;
import dev.cairn.benchmarks.contender.Workload.Form;
import org.jspecify.annotations.Nullable;

/**
 * Runs the scenarios cell by cell, contenders interleaved run by run (A B C D A B C D ...) so that drift hits all
 * alike, every measurement in a JVM of its own, and checks after each run that every migration was applied once.
 * The SQL-script scenarios put a jar of N scripts on their children's classpath; the others leave it off, so that
 * the tools find no scripts there.
 */
final class ScenarioRunner {

    private static final int CONTENDED_PROCESSES = 4;

    private static final List<App> APPS = List.of(new App(Report.ALONE, PlainApplication.class, null, false),
            new App(Report.PLAIN_BEANS, PlainApplication.class, null, true),
            new App("Spring Boot + Cairn", CairnApplication.class, Tool.CAIRN, false),
            new App("Spring Boot + Flyway", FlywayApplication.class, Tool.FLYWAY, false));

    private final SuiteOptions options;

    private final ChildJvm jvm;

    private final Results results;

    private final ScriptJars scriptJars = new ScriptJars(Path.of("target", "bench-scripts"));

    ScenarioRunner(SuiteOptions options, ChildJvm jvm, Results results) {
        this.options = options;
        this.jvm = jvm;
        this.results = results;
    }

    /**
     * Cold runs, each on a fresh database; the last cold database of each contender then serves its warm runs.
     * @param database the database
     * @param size the number of migrations
     * @param form whether the migrations are Java classes or SQL scripts
     * @throws Exception when a database cannot be created or dropped
     */
    void coldAndWarm(TargetDatabase database, int size, Form form) throws Exception {
        Scenario cold = Scenario.cold(form);
        Scenario warm = Scenario.warm(form);
        Map<Tool, Scratch> applied = new EnumMap<>(Tool.class);
        int rounds = this.options.warmups + this.options.runs;
        // Without the cold scenario one uncounted cold round still prepares the warm databases.
        boolean coldCounted = this.options.scenarios.contains(cold);
        int coldRounds = coldCounted ? rounds : 1;
        for (int round = 0; round < coldRounds; round++) {
            for (Tool tool : Tool.values()) {
                Scratch scratch = database.create();
                boolean ok = measure(cold, database, size, tool, scratch, coldCounted ? round : -1);
                if (ok && round == coldRounds - 1) {
                    applied.put(tool, scratch);
                }
                else {
                    scratch.drop();
                }
            }
        }
        if (this.options.scenarios.contains(warm)) {
            for (int round = 0; round < rounds; round++) {
                for (Map.Entry<Tool, Scratch> entry : applied.entrySet()) {
                    measure(warm, database, size, entry.getKey(), entry.getValue(), round);
                }
            }
        }
        for (Scratch scratch : applied.values()) {
            scratch.drop();
        }
    }

    private boolean measure(Scenario scenario, TargetDatabase database, int size, Tool tool, Scratch scratch,
            int round) throws Exception {
        String name = scenario.name().toLowerCase(Locale.ROOT) + "-" + database.id() + "-" + size + "-" + tool.id();
        print(scenario, database, size, tool.label(), round);
        Form form = scenario.form();
        String kind = (scenario == Scenario.cold(form)) ? "cold" : "warm";
        ChildJvm.Outcome outcome = this.jvm.run(name + "-" + round, Set.of(tool), this.scriptJars.classpath(form, size),
                inProcessArguments(tool, name), Measurement.class,
                List.of(tool.id(), kind, scratch.url(), Integer.toString(size), form(form)));
        String problem = outcome.succeeded() ? verify(scratch, size, tool.historyTable()) : outcome.failure();
        if (problem != null) {
            this.results.cell(scenario, database.label(), size, tool.label()).fail(problem);
            System.out.println("  FAILED: " + problem);
            return false;
        }
        System.out.printf("  %.1f ms, peak RSS %d MB%n", outcome.millis(), outcome.rssKb() / 1024);
        if (round >= this.options.warmups) {
            Samples samples = this.results.cell(scenario, database.label(), size, tool.label());
            samples.add(outcome.millis(), outcome.rssKb());
            samples.check(size + " tables, " + size + " history rows");
        }
        return true;
    }

    /**
     * The app-start scenario: a first, uncounted start of every application applies the N migrations (and, for
     * the applications without a tool, brings their jars into the page cache as it does for the others, so that
     * no application's first counted start is the first start of its kind), then every application starts with
     * them applied. With SQL scripts the applications register no migration beans and find the scripts in
     * the jar on their classpath, and the baseline application registers no plain beans but still opens its one
     * connection.
     * @param database the database
     * @param size the number of migrations
     * @param form whether the migrations are Java beans or SQL scripts
     * @throws Exception when a database cannot be created or dropped
     */
    void appStart(TargetDatabase database, int size, Form form) throws Exception {
        Scenario scenario = Scenario.appStart(form);
        Map<App, Scratch> scratches = new LinkedHashMap<>();
        for (App app : APPS) {
            scratches.put(app, database.create());
            this.results.cell(scenario, database.label(), size, app.label());
        }
        int beans = (form == Form.JAVA) ? size : 0;
        int rounds = this.options.warmups + this.options.appRuns;
        for (int round = -1; round < rounds; round++) {
            for (App app : APPS) {
                Scratch scratch = scratches.get(app);
                print(scenario, database, size, app.label(), round);
                String name = "app-" + database.id() + "-" + size + "-" + app.main().getSimpleName()
                        + (app.plainBeans() ? "-beans" : "") + ((form == Form.SQL) ? "-sql" : "");
                List<String> jvmArguments = new ArrayList<>(List.of("-D" + AppStart.MIGRATIONS_PROPERTY + "=" + beans,
                        "-D" + PlainApplication.BEANS_PROPERTY + "=" + app.plainBeans(),
                        "-D" + AppStart.CONNECT_PROPERTY + "=" + app.plainBeans()));
                jvmArguments.addAll(profiling(app.tool(), name));
                ChildJvm.Outcome outcome = this.jvm.run(name + "-" + round, app.tools(),
                        this.scriptJars.classpath(form, size), jvmArguments, app.main(),
                        List.of("--spring.datasource.url=" + scratch.url()));
                Samples samples = this.results.cell(scenario, database.label(), size, app.label());
                String problem = !outcome.succeeded() ? outcome.failure()
                        : (app.tool() != null) ? verify(scratch, size, app.tool().historyTable()) : null;
                if (problem != null) {
                    samples.fail(problem);
                    System.out.println("  FAILED: " + problem);
                    continue;
                }
                double millis = outcome.finished() - outcome.spawnedAt();
                System.out.printf("  %.0f ms to ready, peak RSS %d MB%n", millis, outcome.rssKb() / 1024);
                if (round >= this.options.warmups) {
                    samples.add(millis, outcome.rssKb());
                    samples.check((app.tool() != null) ? size + " applied, none pending"
                            : app.plainBeans() ? beans + " plain beans, 1 connection"
                            : (form == Form.SQL) ? "no tool, the scripts' jar on the classpath" : "no migrations");
                }
            }
        }
        for (Scratch scratch : scratches.values()) {
            scratch.drop();
        }
    }

    /**
     * The contended start: four processes of one contender at once on a fresh schema.
     * @param database the database
     * @param size the number of migrations
     * @throws Exception when a database cannot be created or dropped
     */
    void contended(TargetDatabase database, int size) throws Exception {
        int rounds = this.options.warmups + this.options.contendedRuns;
        // Liquibase polls its lock every 10 s, so a contended round takes a while: see SuiteOptions.
        for (int round = 0; round < rounds; round++) {
            for (Tool tool : Tool.values()) {
                print(Scenario.CONTENDED, database, size, tool.label(), round);
                Scratch scratch = database.create();
                String name = "contended-" + database.id() + "-" + size + "-" + tool.id();
                List<ChildJvm.Running> children = new ArrayList<>();
                for (int i = 0; i < CONTENDED_PROCESSES; i++) {
                    children.add(this.jvm.start(name + "-" + round + "-" + i, Set.of(tool), List.of(),
                            inProcessArguments(tool, name + "-" + i), Measurement.class,
                            List.of(tool.id(), "contended", scratch.url(), Integer.toString(size), form(Form.JAVA))));
                }
                long start = children.get(0).spawnedAt();
                long end = start;
                long rssKb = -1;
                String problem = null;
                for (ChildJvm.Running child : children) {
                    ChildJvm.Outcome outcome = child.await();
                    if (!outcome.succeeded()) {
                        problem = (problem != null) ? problem : outcome.failure();
                        continue;
                    }
                    end = Math.max(end, outcome.finished());
                    rssKb = Math.max(rssKb, outcome.rssKb());
                }
                problem = (problem != null) ? problem : verify(scratch, size, tool.historyTable());
                Samples samples = this.results.cell(Scenario.CONTENDED, database.label(), size, tool.label());
                scratch.drop();
                if (problem != null) {
                    samples.fail(problem);
                    System.out.println("  FAILED: " + problem);
                    continue;
                }
                System.out.printf("  %d ms until all %d were done, each migration applied once%n", end - start,
                        CONTENDED_PROCESSES);
                if (round >= this.options.warmups) {
                    samples.add(end - start, rssKb);
                    samples.check(size + " tables, " + size + " history rows");
                }
            }
        }
    }

    private static @Nullable String verify(Scratch scratch, int size, String historyTable) throws Exception {
        long tables = scratch.tables();
        long rows = scratch.rows(historyTable);
        if (tables != size || rows != size) {
            return "expected " + size + " tables and " + size + " rows in " + historyTable + ", found " + tables
                    + " tables and " + rows + " rows";
        }
        return null;
    }

    private static String form(Form form) {
        return form.name().toLowerCase(Locale.ROOT);
    }

    private List<String> inProcessArguments(Tool tool, String name) {
        List<String> arguments = new ArrayList<>(List.of("-Dlogback.configurationFile=bench-logback.xml"));
        arguments.addAll(profiling(tool, name));
        return arguments;
    }

    private List<String> profiling(@Nullable Tool tool, String name) {
        if (tool == null || !tool.id().equals(this.options.profile)) {
            return List.of();
        }
        Path file = Path.of("target", "bench-jfr", name + ".jfr").toAbsolutePath();
        file.getParent().toFile().mkdirs();
        // Class loading is most of what a migration tool costs in a fresh JVM, so its events are recorded too.
        return List.of("-XX:StartFlightRecording=filename=" + file + ",settings=profile,jdk.ClassLoad#enabled=true");
    }

    private void print(Scenario scenario, TargetDatabase database, int size, String contender, int round) {
        String kind = (round < 0) ? "prepare" : (round < this.options.warmups) ? "warm-up" : "run " + (round
                - this.options.warmups + 1);
        System.out.printf("%s | %s | N=%d | %s | %s%n", scenario.title(), database.label(), size, contender, kind);
    }

    /**
     * One application of the app-start scenario.
     *
     * @param label its name in the table
     * @param main its main class
     * @param tool its migration tool, {@code null} for none
     * @param plainBeans whether it registers N beans without a tool
     */
    private record App(String label, Class<?> main, @Nullable Tool tool, boolean plainBeans) {

        Set<Tool> tools() {
            return (this.tool != null) ? EnumSet.of(this.tool) : EnumSet.noneOf(Tool.class);
        }

    }

}
