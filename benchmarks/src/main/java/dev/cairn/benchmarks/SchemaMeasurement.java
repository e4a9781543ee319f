package dev.cairn.benchmarks;

import java.util.Locale;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.benchmarks.contender.Contender;
import dev.cairn.benchmarks.contender.SchemaMix;
import dev.cairn.benchmarks.contender.Tool;

/**
 * The child JVM of one measurement of the schema benchmark, made as {@link Measurement} makes the suite's: the pool
 * and the contender are built first, then the contender's migrate alone is timed. {@code fold} times the fold and
 * the comparison in memory instead, without a database (see {@link SchemaFold}).
 *
 * <p>Arguments: {@code <raw-jdbc|cairn> <cold|warm> <jdbc-url> <migrations> [checksums]}, or
 * {@code cairn fold - <migrations>}; {@code checksums} has raw JDBC record and validate the checksums of its DDL.
 */
public final class SchemaMeasurement {

    private SchemaMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        Tool tool = Tool.fromId(args[0]);
        SchemaMix mix = new SchemaMix(Integer.parseInt(args[3]));
        Measurement.initializeLogging();
        if (args[1].equals("fold")) {
            ResultLine.print(SchemaFold.measure(mix));
            System.exit(0);
        }
        try (HikariDataSource dataSource = Measurement.dataSource(args[2])) {
            Contender contender = tool.createSchema(mix, args.length > 4 && args[4].equals("checksums"));
            long start = System.nanoTime();
            contender.migrate(dataSource);
            long nanos = System.nanoTime() - start;
            ResultLine.print(Map.of("millis", String.format(Locale.ROOT, "%.1f", nanos / 1e6)));
        }
        System.exit(0);
    }

}
