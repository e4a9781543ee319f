package dev.cairn.benchmarks;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The counted runs of one cell of the table: times in milliseconds, peak RSS in kilobytes, and what went wrong.
 */
final class Samples {

    private final List<Double> millis = new ArrayList<>();

    private final List<Long> rssKb = new ArrayList<>();

    private final List<String> failures = new ArrayList<>();

    private @Nullable String check;

    void add(double millis, long rssKb) {
        this.millis.add(millis);
        this.rssKb.add(rssKb);
    }

    void fail(String failure) {
        this.failures.add(failure);
    }

    /**
     * Records what was verified about the cell, such as "1000 tables, 1000 rows".
     * @param check the verification
     */
    void check(String check) {
        this.check = check;
    }

    @Nullable String check() {
        return this.check;
    }

    List<String> failures() {
        return this.failures;
    }

    boolean isEmpty() {
        return this.millis.isEmpty();
    }

    int count() {
        return this.millis.size();
    }

    double median() {
        return median(this.millis);
    }

    double min() {
        return this.millis.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double max() {
        return this.millis.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /**
     * The median peak RSS in megabytes.
     * @return megabytes, NaN when unknown
     */
    double medianRssMb() {
        List<Double> known = this.rssKb.stream().filter((kb) -> kb > 0).map((kb) -> kb / 1024.0).toList();
        return median(known);
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

}
