package dev.cairn.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The schema benchmark's tables: cold and warm side by side with raw JDBC, the target (warm within 1.5× raw JDBC)
 * cell by cell, and the in-memory fold and comparison.
 */
final class SchemaReport {

    private final Results results;

    private final double target;

    SchemaReport(Results results, double target) {
        this.results = results;
        this.target = target;
    }

    String render(List<TargetDatabase> databases, List<Integer> sizes, Map<Integer, Map<String, String>> folds) {
        StringBuilder out = new StringBuilder("| database | N | contender | cold median (min to max) ms | × raw JDBC |"
                + " warm median (min to max) ms | × raw JDBC | warm peak RSS (MB) | checked |\n"
                + "|---|---:|---|---:|---:|---:|---:|---:|---|\n");
        StringBuilder targets = new StringBuilder("\n| target | database | N | measured | met |\n|---|---|---:|---|---|\n");
        for (TargetDatabase database : databases) {
            for (int size : sizes) {
                for (String contender : List.of(Report.RAW, SchemaBenchmark.RAW_CHECKSUMS, SchemaBenchmark.CAIRN)) {
                    Samples cold = get(Scenario.COLD, database, size, contender);
                    Samples warm = get(Scenario.WARM, database, size, contender);
                    out.append("| ").append(database.label()).append(" | ").append(size).append(" | ")
                        .append(contender).append(" | ").append(cell(cold)).append(" | ")
                        .append(ratio(cold, get(Scenario.COLD, database, size, Report.RAW))).append(" | ")
                        .append(cell(warm)).append(" | ")
                        .append(ratio(warm, get(Scenario.WARM, database, size, Report.RAW))).append(" | ")
                        .append((warm != null) ? String.format(Locale.ROOT, "%.0f", warm.medianRssMb()) : "")
                        .append(" | ").append((warm != null && warm.check() != null) ? warm.check() : "failed")
                        .append(" |\n");
                }
                targets.append(target(database, size, Report.RAW, false));
                targets.append(target(database, size, SchemaBenchmark.RAW_CHECKSUMS, true));
            }
        }
        out.append(targets);
        out.append("\nIn memory, no database: resolving the N schema migrations into a plan (ms), first in a fresh JVM"
                + " and then the median of 21 runs in the same JVM. Folding: a start whose declaration or schema"
                + " migrations changed since the recorded digest; trusting: one where nothing changed.\n\n| N | first"
                + " resolve, folding | resolve, folding | resolve, trusting the recorded digest | resolve without the"
                + " declaration | added by folding | of which: the fold | the check against the declaration | only on a"
                + " difference: the declaration's model | and the comparison |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        folds.forEach((size, values) -> out.append("| ").append(size).append(" | ").append(values.get("first"))
            .append(" | ").append(values.get("checked")).append(" | ").append(values.get("trusted")).append(" | ")
            .append(values.get("plain")).append(" | ")
            .append(String.format(Locale.ROOT, "%.2f", Double.parseDouble(values.get("checked"))
                    - Double.parseDouble(values.get("plain"))))
            .append(" | ").append(values.get("fold")).append(" | ").append(values.get("check")).append(" | ")
            .append(values.get("model")).append(" | ").append(values.get("compare")).append(" |\n"));
        return out.toString();
    }

    private String target(TargetDatabase database, int size, String floor, boolean information) {
        Samples cairn = get(Scenario.WARM, database, size, SchemaBenchmark.CAIRN);
        Samples raw = get(Scenario.WARM, database, size, floor);
        String prefix = "| Warm N=" + size + ": schema migrations + declared schema within " + this.target + "× "
                + (information ? floor + " (for information)" : floor) + " | " + database.label() + " | " + size
                + " | ";
        if (cairn == null || raw == null) {
            return prefix + "not measured | n/a |\n";
        }
        double ratio = cairn.median() / raw.median();
        return prefix + String.format(Locale.ROOT, "%.2f× (%s vs %s ms)", ratio, Report.millis(cairn.median()),
                Report.millis(raw.median())) + " | " + (information ? "for information"
                        : (ratio <= this.target) ? "yes" : "**no**") + " |\n";
    }

    private @Nullable Samples get(Scenario scenario, TargetDatabase database, int size, String contender) {
        Samples samples = this.results.find(scenario, database.label(), size, contender);
        return (samples == null || samples.isEmpty()) ? null : samples;
    }

    private static String cell(@Nullable Samples samples) {
        return (samples == null) ? "failed" : Report.millis(samples.median()) + " (" + Report.millis(samples.min())
                + " to " + Report.millis(samples.max()) + ")";
    }

    private static String ratio(@Nullable Samples samples, @Nullable Samples raw) {
        return (samples == null || raw == null) ? "" : String.format(Locale.ROOT, "%.2f",
                samples.median() / raw.median());
    }

}
