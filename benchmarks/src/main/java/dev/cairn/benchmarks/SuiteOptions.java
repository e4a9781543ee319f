package dev.cairn.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * What a suite run covers. {@code full} (the default) is the published table, about 36 minutes on 2 cores;
 * {@code quick} is a smoke test of every scenario with N=100 and one run per cell, about 4 minutes, written to
 * {@code target/RESULTS-quick.md}. Single settings can be overridden with {@code key=value} arguments:
 * {@code runs}, {@code warmups}, {@code app-runs}, {@code contended-runs}, {@code sizes}, {@code app-sizes},
 * {@code contended-sizes}, {@code databases}, {@code scenarios} (such as {@code warm,sql-warm}), {@code output},
 * {@code profile} (a tool whose children record a JFR profile) and {@code postgres} (a JDBC URL).
 */
final class SuiteOptions {

    String mode = "full";

    /** Uncounted rounds before the counted ones. */
    int warmups = 1;

    /** Counted rounds of the cold, warm and app-start scenarios. */
    int runs = 5;

    /**
     * Counted rounds of the app-start scenarios: what a tool adds to a start-up of 2 to 3 s is a difference of two
     * noisy medians, so they get more runs than the in-process cells.
     */
    int appRuns = 9;

    /** Counted rounds of the contended scenario, whose rounds start 16 JVMs each. */
    int contendedRuns = 3;

    List<Integer> sizes = List.of(100, 1000);

    List<Integer> appSizes = List.of(100, 1000);

    /** N=1000 only by default: Liquibase polls its lock every 10 s, so each contended cell takes minutes. */
    List<Integer> contendedSizes = List.of(1000);

    Set<String> databases = Set.of("sqlite", "postgresql");

    Set<Scenario> scenarios = EnumSet.allOf(Scenario.class);

    Path output = Path.of("RESULTS.md");

    @Nullable String profile;

    String postgresUrl = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    static SuiteOptions parse(String[] arguments) {
        // Maven passes -Dbenchmarks.args="quick runs=2" as one argument.
        String[] args = String.join(" ", arguments).trim().split("\\s+");
        SuiteOptions options = new SuiteOptions();
        if (Arrays.asList(args).contains("quick")) {
            options.mode = "quick";
            options.warmups = 0;
            options.runs = 1;
            options.appRuns = 1;
            options.contendedRuns = 1;
            options.sizes = List.of(100);
            options.appSizes = List.of(100);
            options.contendedSizes = List.of(100);
            options.output = Path.of("target", "RESULTS-quick.md");
        }
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals > 0) {
                options.set(arg.substring(0, equals), arg.substring(equals + 1));
            }
            else if (!arg.isEmpty() && !arg.equals("quick") && !arg.equals("full")) {
                throw new IllegalArgumentException("Unknown argument '" + arg + "': use quick, full or key=value");
            }
        }
        return options;
    }

    private void set(String key, String value) {
        switch (key) {
            case "runs" -> this.runs = Integer.parseInt(value);
            case "warmups" -> this.warmups = Integer.parseInt(value);
            case "app-runs" -> this.appRuns = Integer.parseInt(value);
            case "contended-runs" -> this.contendedRuns = Integer.parseInt(value);
            case "sizes" -> this.sizes = ints(value);
            case "app-sizes" -> this.appSizes = ints(value);
            case "contended-sizes" -> this.contendedSizes = ints(value);
            case "databases" -> this.databases = Set.of(value.split(","));
            case "scenarios" -> this.scenarios = Arrays.stream(value.split(","))
                .map((name) -> Scenario.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_')))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scenario.class)));
            case "output" -> this.output = Path.of(value);
            case "profile" -> this.profile = value;
            case "postgres" -> this.postgresUrl = value;
            default -> throw new IllegalArgumentException("Unknown setting '" + key + "'");
        }
    }

    private static List<Integer> ints(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }

    String describe() {
        return this.mode + " mode: " + this.warmups + " warm-up + " + this.runs + " counted runs per cell, N = "
                + this.sizes + "; app start N = " + this.appSizes + " with " + this.warmups + " + " + this.appRuns
                + " runs; contended start N = " + this.contendedSizes
                + " with " + this.warmups + " + " + this.contendedRuns + " runs";
    }

}
