package dev.cairn.benchmarks.contender;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The contenders: how each is named in the results, where it records what it applied, which jars belong to it
 * alone, and how to build it.
 */
public enum Tool {

    /** The floor: plain JDBC, one transaction per migration with its history row. */
    RAW_JDBC("raw JDBC", "bench_history", List.of(), null),

    /** Cairn through its public {@code MigrationRunner}, given migrations or reading the SQL scripts. */
    CAIRN("Cairn", "cairn_migrations", List.of("cairn-spring-boot-"), "dev/cairn/MigrationRunner.class"),

    /** Flyway with its defaults, given Java-based migrations or reading the SQL scripts. */
    FLYWAY("Flyway", "flyway_schema_history", List.of("flyway-", "spring-boot-flyway-"),
            "org/flywaydb/core/Flyway.class"),

    /** Liquibase with one changeset per migration, or per SQL script. */
    LIQUIBASE("Liquibase", "databasechangelog", List.of("liquibase-"), "liquibase/Liquibase.class");

    private final String label;

    private final String historyTable;

    private final List<String> jarPrefixes;

    private final @Nullable String marker;

    Tool(String label, String historyTable, List<String> jarPrefixes, @Nullable String marker) {
        this.label = label;
        this.historyTable = historyTable;
        this.jarPrefixes = jarPrefixes;
        this.marker = marker;
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
     * Whether a classpath entry belongs to this tool alone, so that other contenders run without it: a jar of its
     * name, or a folder of classes that holds the tool's main class, as a build of this repository puts Cairn's own
     * {@code autoconfigure/target/classes} on the classpath rather than a jar.
     * @param entry the classpath entry
     * @return whether it is this tool's
     */
    public boolean owns(Path entry) {
        String fileName = entry.getFileName().toString();
        for (String prefix : this.jarPrefixes) {
            if (fileName.startsWith(prefix)) {
                return true;
            }
        }
        return this.marker != null && Files.isDirectory(entry) && Files.exists(entry.resolve(this.marker));
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
                case LIQUIBASE -> LiquibaseContender.sqlFiles(workload);
            };
        }
        return switch (this) {
            case RAW_JDBC -> new RawJdbcContender(workload, concurrent);
            case CAIRN -> new CairnContender(workload);
            case FLYWAY -> new FlywayContender(workload);
            case LIQUIBASE -> LiquibaseContender.formattedSql(workload);
        };
    }

    /**
     * Builds the contender of the schema benchmark, raw JDBC or Cairn; building is not timed.
     * @param mix the schema migrations
     * @param checksums for raw JDBC, whether it records the checksums of its DDL and validates them when warm
     * @return the contender
     */
    public Contender createSchema(SchemaMix mix, boolean checksums) {
        return switch (this) {
            case RAW_JDBC -> RawJdbcContender.schema(mix, checksums);
            case CAIRN -> new CairnSchemaContender(mix);
            default -> throw new IllegalArgumentException("The schema benchmark has no " + this.label);
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Tool fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

}
