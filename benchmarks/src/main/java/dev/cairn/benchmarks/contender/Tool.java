package dev.cairn.benchmarks.contender;

import java.util.List;
import java.util.Locale;

/**
 * The contenders: how each is named in the results, where it records what it applied, which jars belong to it
 * alone, and how to build it.
 */
public enum Tool {

    /** The floor: plain JDBC, one transaction per migration with its history row. */
    RAW_JDBC("raw JDBC", "bench_history", List.of()),

    /** Cairn through its public {@code MigrationRunner}, given migrations or reading the SQL scripts. */
    CAIRN("Cairn", "cairn_migrations", List.of("cairn-spring-boot-")),

    /** Flyway with its defaults, given Java-based migrations or reading the SQL scripts. */
    FLYWAY("Flyway", "flyway_schema_history", List.of("flyway-", "spring-boot-flyway-")),

    /** Liquibase with one changeset per migration, or per SQL script. */
    LIQUIBASE("Liquibase", "databasechangelog", List.of("liquibase-"));

    private final String label;

    private final String historyTable;

    private final List<String> jarPrefixes;

    Tool(String label, String historyTable, List<String> jarPrefixes) {
        this.label = label;
        this.historyTable = historyTable;
        this.jarPrefixes = jarPrefixes;
    }

    public String label() {
        return this.label;
    }

    /**
     * The table the tool records applied migrations in, unquoted and in lower case.
     * @return the table name
     */
    public String historyTable() {
        return this.historyTable;
    }

    /**
     * Whether a classpath entry belongs to this tool alone, so that other contenders run without it.
     * @param fileName the jar's file name
     * @return whether it is this tool's jar
     */
    public boolean owns(String fileName) {
        return this.jarPrefixes.stream().anyMatch(fileName::startsWith);
    }

    /**
     * Builds the contender; building is not timed.
     * @param workload the migrations
     * @param concurrent whether other processes migrate the same database at the same time
     * @return the contender
     * @throws Exception when it cannot be prepared
     */
    public Contender create(Workload workload, boolean concurrent) throws Exception {
        if (workload.form() == Workload.Form.SQL) {
            if (concurrent) {
                throw new IllegalArgumentException("The contended scenario runs Java migrations only");
            }
            return switch (this) {
                case RAW_JDBC -> new RawJdbcScriptContender();
                case CAIRN -> new CairnScriptContender();
                case FLYWAY -> new FlywayScriptContender();
                case LIQUIBASE -> new LiquibaseScriptContender(workload);
            };
        }
        return switch (this) {
            case RAW_JDBC -> new RawJdbcContender(workload, concurrent);
            case CAIRN -> new CairnContender(workload);
            case FLYWAY -> new FlywayContender(workload);
            case LIQUIBASE -> new LiquibaseContender(workload);
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Tool fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

}
