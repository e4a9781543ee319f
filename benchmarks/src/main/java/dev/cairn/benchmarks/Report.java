package dev.cairn.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.cairn.benchmarks.Results.Cell;
import org.jspecify.annotations.Nullable;

/**
 * Renders the results as Markdown tables, one per scenario, followed by the targets, and writes them into the
 * results file between two markers so that the notes around them survive a new run.
 */
final class Report {

    static final String START = "<!-- results:start -->";

    static final String END = "<!-- results:end -->";

    static final String RAW = "raw JDBC";

    static final String ALONE = "Spring Boot alone";

    static final String PLAIN_BEANS = "Spring Boot + N plain beans + 1 connection";

    private final Results results;

    Report(Results results) {
        this.results = results;
    }

    String tables() {
        StringBuilder out = new StringBuilder();
        for (Scenario scenario : Scenario.values()) {
            List<Map.Entry<Cell, Samples>> rows = this.results.cells().entrySet().stream()
                .filter((entry) -> entry.getKey().scenario() == scenario)
                .toList();
            if (rows.isEmpty()) {
                continue;
            }
            out.append("\n### ").append(scenario.title()).append(": ").append(scenario.metric()).append("\n\n");
            out.append(header(scenario));
            for (Map.Entry<Cell, Samples> row : rows) {
                out.append(row(row.getKey(), row.getValue()));
            }
        }
        out.append(failures());
        return out.toString();
    }

    private static String header(Scenario scenario) {
        String compare = scenario.appStart() ? "Added to start-up" : "× raw JDBC";
        String extra = scenario.appStart() ? "" : " RSS − raw |";
        String rss = (scenario == Scenario.CONTENDED) ? "Peak RSS, largest of 4 (MB)" : "Peak RSS (MB)";
        return "| Database | N | Contender | Median | Min | Max | " + compare + " | " + rss + " |" + extra
                + " Checked |\n|---|---:|---|---:|---:|---:|---:|---:|" + (extra.isEmpty() ? "" : "---:|")
                + "---|\n";
    }

    private String row(Cell cell, Samples samples) {
        StringBuilder row = new StringBuilder("| " + cell.database() + " | " + cell.size() + " | "
                + cell.contender() + " | ");
        if (samples.isEmpty()) {
            return row + "failed | | | | |" + (cell.scenario().appStart() ? "" : " |") + " |\n";
        }
        row.append(millis(samples.median())).append(" | ").append(millis(samples.min())).append(" | ")
            .append(millis(samples.max())).append(" | ");
        Samples baseline = baseline(cell);
        if (cell.scenario().appStart()) {
            row.append((baseline != null) ? signed(samples.median() - baseline.median()) + " ms" : "");
        }
        else {
            row.append((baseline != null) ? String.format(Locale.ROOT, "%.2f", samples.median() / baseline.median())
                    : "");
        }
        row.append(" | ").append(String.format(Locale.ROOT, "%.0f", samples.medianRssMb())).append(" |");
        if (!cell.scenario().appStart()) {
            row.append(' ').append((baseline != null)
                    ? signed(samples.medianRssMb() - baseline.medianRssMb()) : "").append(" |");
        }
        String check = samples.check();
        row.append(' ').append((check != null) ? check : "").append(samples.failures().isEmpty() ? ""
                : ", " + samples.failures().size() + " failed run(s)").append(" |\n");
        return row.toString();
    }

    /**
     * The cell this one is compared with: raw JDBC, or the application without a tool.
     * @param cell the cell
     * @return the baseline's samples, or {@code null}
     */
    @Nullable Samples baseline(Cell cell) {
        String base = cell.scenario().appStart() ? ALONE : RAW;
        Samples samples = this.results.find(cell.scenario(), cell.database(), cell.size(), base);
        return (samples == null || samples.isEmpty()) ? null : samples;
    }

    private String failures() {
        StringBuilder out = new StringBuilder();
        this.results.cells().forEach((cell, samples) -> samples.failures().forEach((failure) -> out.append("- ")
            .append(cell.scenario().title()).append(", ").append(cell.database()).append(", N=").append(cell.size())
            .append(", ").append(cell.contender()).append(": ").append(failure).append('\n')));
        this.results.notes().forEach((note) -> out.append("- ").append(note).append('\n'));
        return out.isEmpty() ? "" : "\nFailures and skipped cells:\n\n" + out;
    }

    /**
     * Writes the generated block into the file, replacing the previous block or appending it.
     * @param file the results file
     * @param block the generated Markdown
     * @throws IOException when the file cannot be written
     */
    static void write(Path file, String block) throws IOException {
        write(file, block, START, END);
    }

    /**
     * Writes a generated block between the given markers, replacing the previous block or appending it.
     * @param file the results file
     * @param block the generated Markdown
     * @param start the marker before it
     * @param end the marker after it
     * @throws IOException when the file cannot be written
     */
    static void write(Path file, String block, String start, String end) throws IOException {
        String generated = start + "\n" + block.strip() + "\n" + end;
        String content;
        if (Files.exists(file)) {
            String old = Files.readString(file);
            int from = old.indexOf(start);
            int to = old.indexOf(end);
            content = (from >= 0 && to > from) ? old.substring(0, from) + generated
                    + old.substring(to + end.length()) : old.stripTrailing() + "\n\n" + generated + "\n";
        }
        else {
            content = "# Benchmark results\n\n" + generated + "\n";
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, content);
    }

    static String millis(double value) {
        return String.format(Locale.ROOT, (value < 100) ? "%.1f" : "%.0f", value);
    }

    static String signed(double value) {
        return String.format(Locale.ROOT, "%+.0f", value);
    }

}
