package dev.cairn.benchmarks;

import java.util.Locale;

import dev.cairn.benchmarks.contender.Workload.Form;
import org.jspecify.annotations.Nullable;

/**
 * The targets for Cairn, checked against the measured medians: warm within 1.5× and cold within 1.2× of
 * raw JDBC at N=1000, at most a fifth of the start-up time Flyway's integration adds (both measured from the
 * application with the same N beans and one connection, the baseline every tool pays), and peak RSS within 30 MB
 * of raw JDBC at N=1000; the same for Java migrations and for SQL scripts.
 */
final class Targets {

    private static final int N = 1000;

    private static final String CAIRN = "Cairn";

    private final Results results;

    Targets(Results results) {
        this.results = results;
    }

    String table(Iterable<String> databases, Iterable<Integer> appSizes) {
        StringBuilder out = new StringBuilder("\n### Targets\n\n| Target | Database | Measured | Met |\n|---|---|---|---|\n");
        for (Form form : Form.values()) {
            for (String database : databases) {
                ratio(out, Scenario.warm(form), database, 1.5);
                ratio(out, Scenario.cold(form), database, 1.2);
                for (int size : appSizes) {
                    appStart(out, Scenario.appStart(form), database, size, Report.PLAIN_BEANS, "", true);
                    appStart(out, Scenario.appStart(form), database, size, Report.ALONE,
                            " (compared with Spring Boot alone, for information)", false);
                }
                rss(out, Scenario.cold(form), database);
                rss(out, Scenario.warm(form), database);
            }
        }
        return out.toString();
    }

    private void ratio(StringBuilder out, Scenario scenario, String database, double limit) {
        Samples cairn = get(scenario, database, N, CAIRN);
        Samples raw = get(scenario, database, N, Report.RAW);
        String target = scenario.title(N) + ": Cairn within " + limit + "× raw JDBC";
        if (cairn == null || raw == null) {
            out.append(line(target, database, "not measured", "n/a"));
            return;
        }
        double ratio = cairn.median() / raw.median();
        out.append(line(target, database, String.format(Locale.ROOT, "%.2f× (%s vs %s ms)", ratio,
                Report.millis(cairn.median()), Report.millis(raw.median())), verdict(ratio <= limit)));
    }

    private void appStart(StringBuilder out, Scenario scenario, String database, int size, String baseline,
            String qualifier, boolean counts) {
        Samples alone = get(scenario, database, size, baseline);
        Samples cairn = get(scenario, database, size, "Spring Boot + Cairn");
        Samples flyway = get(scenario, database, size, "Spring Boot + Flyway");
        String target = scenario.title(size) + ": Cairn adds at most 1/5 of what Flyway adds" + qualifier;
        if (alone == null || cairn == null || flyway == null) {
            out.append(line(target, database, "not measured", "n/a"));
            return;
        }
        double cairnAdds = cairn.median() - alone.median();
        double flywayAdds = flyway.median() - alone.median();
        out.append(line(target, database, String.format(Locale.ROOT, "Cairn adds %s ms, Flyway adds %s ms (%.2f)",
                Report.signed(cairnAdds), Report.signed(flywayAdds), cairnAdds / flywayAdds),
                counts ? verdict(cairnAdds <= flywayAdds / 5) : "for information"));
    }

    private void rss(StringBuilder out, Scenario scenario, String database) {
        Samples cairn = get(scenario, database, N, CAIRN);
        Samples raw = get(scenario, database, N, Report.RAW);
        String title = scenario.title();
        String target = "Peak RSS N=" + N + " (" + Character.toLowerCase(title.charAt(0)) + title.substring(1)
                + "): Cairn within 30 MB of raw JDBC";
        if (cairn == null || raw == null) {
            out.append(line(target, database, "not measured", "n/a"));
            return;
        }
        double difference = cairn.medianRssMb() - raw.medianRssMb();
        out.append(line(target, database, String.format(Locale.ROOT, "%s MB (%.0f vs %.0f MB)",
                Report.signed(difference), cairn.medianRssMb(), raw.medianRssMb()), verdict(difference <= 30)));
    }

    private @Nullable Samples get(Scenario scenario, String database, int size, String contender) {
        Samples samples = this.results.find(scenario, database, size, contender);
        return (samples == null || samples.isEmpty()) ? null : samples;
    }

    private static String verdict(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static String line(String target, String database, String measured, String met) {
        return "| " + target + " | " + database + " | " + measured + " | " + met + " |\n";
    }

}
