package dev.cairn.testsupport;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cairn.Migration;
import dev.cairn.MigrationContext;

/**
 * Migrations for tests: SQL statements with or without a down, failing ones and non-transactional ones. Each one
 * counts its runs, so a test can tell that a migration ran exactly once.
 */
public final class TestMigrations {

    private static final ConcurrentHashMap<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();

    private TestMigrations() {
    }

    /**
     * A migration's version as a number, for assertions.
     * @param migration the migration
     * @return the version, or {@code null} for a repeatable one
     */
    public static Long version(dev.cairn.MigrationInfo migration) {
        return (migration.version() != null) ? migration.version().asLong() : null;
    }

    /**
     * How often {@code up} ran for the migration with this version and description, in this JVM.
     * @param migration the migration
     * @return the count
     */
    public static int runs(Migration migration) {
        AtomicInteger count = RUNS.get(key(migration));
        return (count != null) ? count.get() : 0;
    }

    static void counted(Migration migration) {
        RUNS.computeIfAbsent(key(migration), (key) -> new AtomicInteger()).incrementAndGet();
    }

    private static String key(Migration migration) {
        return System.identityHashCode(migration) + ":" + migration.version();
    }

    /**
     * An irreversible migration that runs SQL statements.
     */
    public static class Sql implements Migration {

        private final long version;

        private final String description;

        private final List<String> statements;

        private final Set<String> destroys;

        private final Set<String> required;

        public Sql(long version, String description, String... statements) {
            this(version, description, List.of(statements), Set.of(), Set.of());
        }

        private Sql(long version, String description, List<String> statements, Set<String> destroys,
                Set<String> required) {
            this.version = version;
            this.description = description;
            this.statements = statements;
            this.destroys = destroys;
            this.required = required;
        }

        /**
         * The same migration, declaring the tables it destroys.
         * @param tables the tables
         * @return the migration
         */
        public Sql destroying(String... tables) {
            return new Sql(this.version, this.description, this.statements, Set.of(tables), this.required);
        }

        /**
         * The same migration, requiring background migrations.
         * @param ids their ids
         * @return the migration
         */
        public Sql requiring(String... ids) {
            return new Sql(this.version, this.description, this.statements, this.destroys, Set.of(ids));
        }

        @Override
        public Set<String> destroys() {
            return this.destroys;
        }

        @Override
        public Set<String> requiredBackgroundMigrations() {
            return this.required;
        }

        @Override
        public long version() {
            return this.version;
        }

        @Override
        public String description() {
            return this.description;
        }

        @Override
        public void up(MigrationContext context) throws Exception {
            counted(this);
            this.statements.forEach(context.jdbc()::execute);
        }

    }

    /**
     * A reversible migration: one statement up, one down.
     */
    public record Reversible(long version, String description, String upSql, String downSql) implements Migration {

        @Override
        public void up(MigrationContext context) {
            counted(this);
            context.jdbc().execute(this.upSql);
        }

        @Override
        public void down(MigrationContext context) {
            context.jdbc().execute(this.downSql);
        }

    }

    /**
     * A migration that runs statements and then fails.
     */
    public static class Failing extends Sql {

        public Failing(long version, String description, String... statements) {
            super(version, description, statements);
        }

        @Override
        public void up(MigrationContext context) throws Exception {
            super.up(context);
            throw new IllegalStateException("boom in " + description());
        }

    }

    /**
     * A migration that runs outside a transaction, and records whether its connection auto-commits.
     */
    public record NonTransactional(long version, String description, String sql,
            AtomicInteger autoCommitSeen) implements Migration {

        @Override
        public void up(MigrationContext context) throws Exception {
            counted(this);
            this.autoCommitSeen.set(context.connection().getAutoCommit() ? 1 : 0);
            context.jdbc().execute(this.sql);
        }

        @Override
        public boolean transactional() {
            return false;
        }

    }

}
