package dev.cairn.core.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.cairn.MigrationException;
import dev.cairn.Version;
import dev.cairn.core.steps.SchemaComparison;
import dev.cairn.core.steps.SchemaComparison.Difference;
import dev.cairn.core.steps.SchemaModel;
import dev.cairn.schema.CreateTable;
import dev.cairn.schema.DeclaredSchema;
import dev.cairn.schema.SchemaMigration;
import dev.cairn.schema.Step;
import dev.cairn.schema.Table;
import org.jspecify.annotations.Nullable;

/**
 * The migrations of every other source, checked against the application's declared schema before anything runs,
 * and with the declaration's automatic migration when its version is above theirs. The check folds the steps of the
 * schema migrations in memory; it needs no database.
 *
 * <p>The fold is a function of the declaration and of the steps of the schema migrations alone, so a start whose
 * digest of them (the declaration's tables hashed as the steps that would create them, each schema migration's
 * version and the checksum of its steps) equals the digest of a pair that was checked before need not fold again,
 * as Room trusts the identity hash it stores: the last recording run keeps its digest in the signature table
 * ({@link #trust(Long)}), and this resolver remembers the last one it checked.
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

    /** The digest recorded by the database's last recording run, which checked it. */
    private volatile @Nullable Long trusted;

    /** The digest of the last resolve, which checked it or found it trusted. */
    private volatile @Nullable Long checked;

    /**
     * A resolver that checks the migrations of other sources against a declared schema.
     * @param sources the other sources
     * @param declared the declared schema
     */
    public DeclaredSchemaResolver(List<MigrationResolver> sources, DeclaredSchema declared) {
        this.sources = List.copyOf(sources);
        this.declared = declared;
    }

    /**
     * Trusts the digest a run recorded after it checked the declaration and the schema migrations it had.
     * @param digest the digest, or {@code null} when none is recorded
     */
    public void trust(@Nullable Long digest) {
        this.trusted = digest;
    }

    /**
     * The digest of the declaration and schema migrations the last resolve checked (or found already checked).
     * @return the digest, or {@code null} before a resolve succeeded
     */
    public @Nullable Long checked() {
        return this.checked;
    }

    @Override
    public List<ExecutableMigration> resolve() {
        List<ExecutableMigration> migrations = new ArrayList<>();
        for (MigrationResolver source : this.sources) {
            migrations.addAll(source.resolve());
        }
        Version declaredVersion = Version.of(this.declared.version());
        // In the order the sources gave them; sorted only to be folded, which a start that changed nothing skips.
        List<ExecutableMigration> versioned = new ArrayList<>(migrations.size());
        ExecutableMigration last = null;
        for (ExecutableMigration migration : migrations) {
            if (!migration.repeatable()) {
                versioned.add(migration);
                if (last == null || migration.version().compareTo(last.version()) >= 0) {
                    last = migration;
                }
            }
        }
        if (last != null && declaredVersion.compareTo(last.version()) < 0) {
            throw new MigrationException("The declared schema is version " + declaredVersion + " but migrations go up"
                    + " to " + last.version() + " (" + last.origin() + "); migrations can't be newer than the schema,"
                    + " nothing was changed", "Add what migration " + last.version() + " changes to the declared"
                            + " schema and raise its version to " + last.version() + " or above.");
        }
        long digest = digest(declaredVersion, versioned);
        if (!isChecked(digest)) {
            check(declaredVersion, versioned);
        }
        this.checked = digest;
        if (last == null || declaredVersion.compareTo(last.version()) > 0) {
            migrations.add(new DeclaredSchemaMigration(this.declared));
        }
        return migrations;
    }

    private boolean isChecked(long digest) {
        Long trusted = this.trusted;
        Long checked = this.checked;
        return (trusted != null && trusted == digest) || (checked != null && checked == digest);
    }

    private void check(Version declaredVersion, List<ExecutableMigration> versioned) {
        versioned.sort(BY_VERSION);
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
    }

    /**
     * The digest of what the fold and the check depend on: the declaration (its version and its tables, each hashed
     * as the {@code createTable} step that would create it, with the hash that checksums steps) and each schema
     * migration's version and steps; 64 bits mixed from those 32-bit hashes, the migrations' summed so that the order
     * the sources give them in does not matter.
     */
    long digest(Version declaredVersion, List<ExecutableMigration> versioned) {
        List<Table> tables = this.declared.tables();
        List<Step> creates = new ArrayList<>(tables.size());
        for (Table table : tables) {
            creates.add(new CreateTable(table));
        }
        long declaration = ((long) declaredVersion.hashCode() << 32)
                ^ (SchemaMigration.checksumOf(creates) & 0xffffffffL);
        long migrations = 0;
        for (ExecutableMigration migration : versioned) {
            if (migration instanceof SchemaStepsMigration schema) {
                migrations += finish(((long) schema.version().hashCode() << 32)
                        ^ (schema.stepsChecksum() & 0xffffffffL));
            }
        }
        return finish(finish(declaration) * 0x100000001b3L + migrations);
    }

    /** MurmurHash3's 64-bit finalizer, so that a change anywhere changes every bit. */
    private static long finish(long value) {
        long hash = value;
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash;
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
