package dev.cairn.benchmarks;

import dev.cairn.benchmarks.contender.Workload.Form;

/**
 * What is measured, with the words the report uses for it: each scenario with the migrations as Java classes,
 * and the cold, warm and app-start scenarios again with them as SQL scripts.
 */
enum Scenario {

    /** An empty database: apply every migration. */
    COLD("Cold", Form.JAVA, "in-process migrate time (ms), JVM start excluded",
            "empty database (a new SQLite file or PostgreSQL schema per run), apply all N migrations"),

    /** Everything applied: validate and find nothing to do. */
    WARM("Warm", Form.JAVA, "in-process migrate time (ms), JVM start excluded",
            "all N migrations already applied; the time to read the history, validate and find nothing pending"),

    /** A Spring Boot application starts with N applied migrations. */
    APP_START("App start", Form.JAVA, "process start to ApplicationReadyEvent done (ms)",
            "a minimal Spring Boot application (no web server) with N migrations already applied, started in a"
                    + " fresh JVM: with Cairn, with Flyway's Spring Boot integration, and with neither; the"
                    + " difference to the last is what the tool adds to start-up"),

    /** Four processes start together on one database with N pending. */
    CONTENDED("Contended start", Form.JAVA, "time until all 4 processes are done (ms)",
            "4 JVMs started together against one empty PostgreSQL schema with N pending; afterwards every"
                    + " migration must have been applied exactly once (N tables t_*, N history rows)"),

    /** An empty database: apply every script of the jar. */
    SQL_COLD("Cold", Form.SQL, "in-process migrate time (ms), JVM start excluded",
            "empty database, N SQL scripts in a jar on the classpath: find, read and apply them all"),

    /** Every script applied: read them, validate their checksums and find nothing to do. */
    SQL_WARM("Warm", Form.SQL, "in-process migrate time (ms), JVM start excluded",
            "all N SQL scripts already applied; the time to find and read the scripts, read the history,"
                    + " compare the checksums and find nothing pending"),

    /** A Spring Boot application starts with N applied scripts. */
    SQL_APP_START("App start", Form.SQL, "process start to ApplicationReadyEvent done (ms)",
            "a minimal Spring Boot application with N SQL scripts in a jar on its classpath, all applied: with"
                    + " Cairn, with Flyway's Spring Boot integration, and with neither");

    private final String title;

    private final Form form;

    private final String metric;

    private final String meaning;

    Scenario(String title, Form form, String metric, String meaning) {
        this.title = title;
        this.form = form;
        this.metric = metric;
        this.meaning = meaning;
    }

    /**
     * The scenario's name in the report, such as "Warm" or "Warm, SQL scripts".
     * @return the title
     */
    String title() {
        return (this.form == Form.SQL) ? this.title + ", SQL scripts" : this.title;
    }

    /**
     * The scenario's name with a number of migrations, for the targets: "Warm N=1000" or
     * "Warm N=1000, SQL scripts".
     * @param size the number of migrations
     * @return the name
     */
    String title(int size) {
        return this.title + " N=" + size + ((this.form == Form.SQL) ? ", SQL scripts" : "");
    }

    /**
     * How the migrations are written in this scenario.
     * @return the form
     */
    Form form() {
        return this.form;
    }

    /**
     * Whether this is an app-start scenario, whose cells are compared with the application without a tool.
     * @return {@code true} for the app-start scenarios
     */
    boolean appStart() {
        return this == APP_START || this == SQL_APP_START;
    }

    String metric() {
        return this.metric;
    }

    String meaning() {
        return this.meaning;
    }

    static Scenario cold(Form form) {
        return (form == Form.SQL) ? SQL_COLD : COLD;
    }

    static Scenario warm(Form form) {
        return (form == Form.SQL) ? SQL_WARM : WARM;
    }

    static Scenario appStart(Form form) {
        return (form == Form.SQL) ? SQL_APP_START : APP_START;
    }

}
