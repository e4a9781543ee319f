package dev.cairn.benchmarks;

/**
 * What is measured, with the words the report uses for it.
 */
enum Scenario {

    /** An empty database: apply every migration. */
    COLD("Cold", "in-process migrate time (ms), JVM start excluded",
            "empty database (a new SQLite file or PostgreSQL schema per run), apply all N migrations"),

    /** Everything applied: validate and find nothing to do. */
    WARM("Warm", "in-process migrate time (ms), JVM start excluded",
            "all N migrations already applied; the time to read the history, validate and find nothing pending"),

    /** A Spring Boot application starts with N applied migrations. */
    APP_START("App start", "process start to ApplicationReadyEvent done (ms)",
            "a minimal Spring Boot application (no web server) with N migrations already applied, started in a"
                    + " fresh JVM: with Cairn, with Flyway's Spring Boot integration, and with neither; the"
                    + " difference to the last is what the tool adds to start-up"),

    /** Four processes start together on one database with N pending. */
    CONTENDED("Contended start", "time until all 4 processes are done (ms)",
            "4 JVMs started together against one empty PostgreSQL schema with N pending; afterwards every"
                    + " migration must have been applied exactly once (N tables t_*, N history rows)");

    private final String title;

    private final String metric;

    private final String meaning;

    Scenario(String title, String metric, String meaning) {
        this.title = title;
        this.metric = metric;
        this.meaning = meaning;
    }

    String title() {
        return this.title;
    }

    String metric() {
        return this.metric;
    }

    String meaning() {
        return this.meaning;
    }

}
