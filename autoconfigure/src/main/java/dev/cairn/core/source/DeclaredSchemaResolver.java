package dev.cairn.core.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.cairn.MigrationException;
import dev.cairn.Version;
import dev.cairn.core.steps.SchemaComparison;
import dev.cairn.core.steps.SchemaComparison.Difference;
import dev.cairn.core.steps.SchemaModel;
import dev.cairn.schema.DeclaredSchema;

/**
 * The migrations of every other source, checked against the application's declared schema before anything runs,
 * and with the declaration's automatic migration when its version is above theirs. The check folds the steps of the
 * schema migrations in memory; it needs no database.
 */
public final class DeclaredSchemaResolver implements MigrationResolver {

    /** The type recorded for the automatic migrations of a declared schema. */
    public static final String AUTOMATIC = DeclaredSchemaMigration.TYPE;

    // Classes rather than lambdas and streams: every start resolves, and a call site a fresh JVM links costs it.
    private static final Comparator<ExecutableMigration> BY_VERSION = new Comparator<>() {
        @Override
        public int compare(ExecutableMigration a, ExecutableMigration b) {
            return a.version().compareTo(b.version());
        }
    };

    private final List<MigrationResolver> sources;

    private final DeclaredSchema declared;

    /**
     * A resolver that checks the migrations of other sources against a declared schema.
     * @param sources the other sources
     * @param declared the declared schema
     */
    public DeclaredSchemaResolver(List<MigrationResolver> sources, DeclaredSchema declared) {
        this.sources = List.copyOf(sources);
        this.declared = declared;
    }

    @Override
    public List<ExecutableMigration> resolve() {
        List<ExecutableMigration> migrations = new ArrayList<>();
        for (MigrationResolver source : this.sources) {
            migrations.addAll(source.resolve());
        }
        Version declaredVersion = Version.of(this.declared.version());
        List<ExecutableMigration> versioned = new ArrayList<>(migrations.size());
        for (ExecutableMigration migration : migrations) {
            if (!migration.repeatable()) {
                versioned.add(migration);
            }
        }
        versioned.sort(BY_VERSION);
        ExecutableMigration last = versioned.isEmpty() ? null : versioned.get(versioned.size() - 1);
        if (last != null && declaredVersion.compareTo(last.version()) < 0) {
            throw new MigrationException("The declared schema is version " + declaredVersion + " but migrations go up"
                    + " to " + last.version() + " (" + last.origin() + "); migrations can't be newer than the schema,"
                    + " nothing was changed", "Add what migration " + last.version() + " changes to the declared"
                            + " schema and raise its version to " + last.version() + " or above.");
        }
        SchemaModel migrated = SchemaModel.folding(this.declared);
        for (ExecutableMigration migration : versioned) {
            if (migration instanceof SchemaStepsMigration schema) {
                try {
                    migrated.apply(schema.steps(), new MigrationName(schema.version()));
                }
                catch (IllegalArgumentException ex) {
                    throw new MigrationException(ex.getMessage() + " (" + schema.origin() + "); nothing was changed",
                            "Create the table in an earlier schema migration or in the declared schema.");
                }
            }
        }
        // Named only when there is something to name: nearly every start finds the two the same.
        List<Difference> conflicts = migrated.matches(this.declared) ? List.of()
                : SchemaComparison.of(migrated, SchemaModel.of(this.declared)).conflicts();
        if (!conflicts.isEmpty()) {
            throw new MigrationException("The declared schema (version " + declaredVersion + ") and the schema"
                    + " migrations differ, nothing was changed: " + String.join("; ",
                            conflicts.stream().map(Difference::message).toList()),
                    "Make them agree: declare what the migrations build, and write a schema migration for each"
                            + " change that does not only add (a drop, a rename, a type or nullability change);"
                            + " what only adds, declare and raise the declared version to have Cairn add it.");
        }
        if (last == null || declaredVersion.compareTo(last.version()) > 0) {
            migrations.add(new DeclaredSchemaMigration(this.declared));
        }
        return migrations;
    }

    /**
     * {@code migration 4}, as messages name a migration; written only when one does.
     */
    private static final class MigrationName {

        private final Version version;

        MigrationName(Version version) {
            this.version = version;
        }

        @Override
        public String toString() {
            return "migration " + this.version;
        }

    }

}
