package dev.cairn.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code key=value} arguments of a benchmark that writes its own block of RESULTS.md, such as {@code backfill}
 * and {@code drift}, and the databases they name.
 */
final class BenchmarkArguments {

    private BenchmarkArguments() {
    }

    /**
     * The defaults, with the arguments given over them.
     * @param defaults the defaults
     * @param args the arguments, each {@code key=value}
     * @return the options
     */
    static Map<String, String> parse(Map<String, String> defaults, List<String> args) {
        Map<String, String> options = new LinkedHashMap<>(defaults);
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("Unknown argument '" + arg + "': use key=value");
            }
            options.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        return options;
    }

    /**
     * The databases of the {@code databases} option, SQLite and PostgreSQL (at the {@code postgres} URL); one that
     * cannot be reached is left out with a note saying why.
     * @param options the options
     * @param notes where the notes go
     * @return the databases
     */
    static List<TargetDatabase> databases(Map<String, String> options, List<String> notes) {
        List<TargetDatabase> databases = new ArrayList<>();
        if (options.get("databases").contains("sqlite")) {
            databases.add(new TargetDatabase.Sqlite(Path.of("target", "bench-data")));
        }
        if (options.get("databases").contains("postgresql")) {
            TargetDatabase postgres = new TargetDatabase.Postgres(options.get("postgres"));
            String reason = postgres.unavailableReason();
            if (reason == null) {
                databases.add(postgres);
            }
            else {
                notes.add("PostgreSQL skipped: " + reason);
            }
        }
        return databases;
    }

}
