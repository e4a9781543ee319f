package dev.cairn.test;

import java.util.List;

import dev.cairn.Migration;
import dev.cairn.MigrationContext;
import dev.cairn.schema.DeclaredSchema;
import dev.cairn.schema.SchemaMigration;
import dev.cairn.schema.Step;

import static dev.cairn.schema.Steps.addColumns;
import static dev.cairn.schema.Steps.column;
import static dev.cairn.schema.Steps.createIndex;
import static dev.cairn.schema.Steps.createTable;
import static dev.cairn.schema.Steps.table;

/**
 * Migrations for the kit's own tests: a consistent set of three, and ones that break it in the ways the kit must
 * notice.
 */
final class KitMigrations {

    private KitMigrations() {
    }

    /** Versions 1 to 3, each reversible, giving the same schema however they are reached. */
    static List<Migration> consistent() {
        return List.of(new StepMigration(1, createTable("todos", column("id").bigint().primaryKey(),
                column("title").varchar(200).notNull())),
                new StepMigration(2, addColumns("todos", column("priority").integer().defaultValue(0))),
                new StepMigration(3, createIndex("todos", "priority")));
    }

    /** What {@link #consistent()} ends with. */
    static DeclaredSchema declared() {
        return DeclaredSchema.of(3, table("todos", column("id").bigint().primaryKey(),
                column("title").varchar(200).notNull(), column("priority").integer().defaultValue(0).indexed()));
    }

    /** Version 2 adds {@code priority} as an integer on an empty table and as text on one with rows. */
    static List<Migration> upgradeDiverges() {
        return List.of(consistent().get(0), new Java(2, "", "ALTER TABLE todos DROP COLUMN priority") {

            @Override
            public void up(MigrationContext context) {
                Integer rows = context.jdbc().queryForObject("SELECT COUNT(*) FROM todos", Integer.class);
                context.jdbc().execute((rows == 0) ? "ALTER TABLE todos ADD COLUMN priority INTEGER"
                        : "ALTER TABLE todos ADD COLUMN priority VARCHAR(20)");
            }

        }, consistent().get(2));
    }

    /** Version 2 creates a table and an index, and its down drops only the table. */
    static List<Migration> downLeavesIndex() {
        return List.of(consistent().get(0), new Java(2, "CREATE TABLE audit (id INTEGER PRIMARY KEY)",
                "DROP TABLE audit") {

            @Override
            public void up(MigrationContext context) {
                super.up(context);
                context.jdbc().execute("CREATE INDEX todos_by_title ON todos (title)");
            }

        });
    }

    /** A schema migration of one version. */
    record StepMigration(long version, Step step) implements SchemaMigration {

        @Override
        public List<Step> steps() {
            return List.of(this.step);
        }

    }

    /** A reversible Java migration of one statement each way. */
    static class Java implements Migration {

        private final long version;

        private final String up;

        private final String down;

        Java(long version, String up, String down) {
            this.version = version;
            this.up = up;
            this.down = down;
        }

        @Override
        public long version() {
            return this.version;
        }

        @Override
        public void up(MigrationContext context) {
            context.jdbc().execute(this.up);
        }

        @Override
        public String description() {
            return "Java migration " + this.version;
        }

        @Override
        public void down(MigrationContext context) {
            context.jdbc().execute(this.down);
        }

    }

}
