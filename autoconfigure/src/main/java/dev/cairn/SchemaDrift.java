package dev.cairn;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import dev.cairn.core.Database;
import dev.cairn.core.SignatureTable;
import dev.cairn.core.schema.LiveSchema;
import dev.cairn.core.schema.SchemaSnapshot;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The schema signature of one database: records a snapshot of the schema after each run, and compares the live
 * schema with it ({@code cairn.drift}). Cairn's own tables are left out of the snapshot, so that its runs, locks,
 * backups and background migrations are never drift.
 */
final class SchemaDrift {

    private static final Log logger = LogFactory.getLog(MigrationRunner.class);

    private final Database database;

    private final Set<String> excluded;

    private final SignatureTable table;

    /** The digest of the declared schema and schema migrations checked last, kept with each recorded signature. */
    private final Supplier<@Nullable Long> declared;

    SchemaDrift(Database database, Set<String> backgroundTables, Supplier<@Nullable Long> declared) {
        this.database = database;
        this.declared = declared;
        this.excluded = LiveSchema.cairnTables(database.settings(), backgroundTables);
        this.table = new SignatureTable(database);
    }

    boolean enabled() {
        return this.database.settings().drift() != DriftMode.OFF;
    }

    /**
     * The schema as it is now.
     * @return the snapshot
     */
    SchemaSnapshot live() {
        try (Connection connection = this.database.dataSource().getConnection()) {
            return LiveSchema.read(connection, this.database.dialect(), this.database.defaultSchema(), this.excluded);
        }
        catch (SQLException ex) {
            throw new MigrationException("Could not read the schema to compare it with its signature: "
                    + ex.getMessage(), "Check that the user may read the database's catalog, or set cairn.drift=off.",
                    ex);
        }
    }

    SignatureTable.@Nullable Recorded recorded() {
        try {
            return this.table.read();
        }
        catch (SQLException ex) {
            throw unreadable(ex);
        }
    }

    private MigrationException unreadable(SQLException ex) {
        return new MigrationException("Could not read the schema signature in " + this.table.name().qualified() + ": "
                + ex.getMessage(), "Check that the user may read it, or set cairn.drift=off.", ex);
    }

    /**
     * What differs between the live schema and the recorded signature.
     * @param recorded the signature
     * @return each object that differs
     */
    List<String> differences(SignatureTable.Recorded recorded) {
        SchemaSnapshot live = live();
        if (live.hash().equals(recorded.hash())) {
            return List.of();
        }
        String snapshot;
        try {
            snapshot = this.table.readSnapshot();
        }
        catch (SQLException ex) {
            throw unreadable(ex);
        }
        return (snapshot != null) ? live.differences(SchemaSnapshot.parse(snapshot)) : List.of();
    }

    /**
     * Compares before anything runs, for {@code cairn.drift=fail}.
     * @return the differences, empty when there is nothing recorded to compare with
     */
    List<String> differences() {
        SignatureTable.Recorded recorded = recorded();
        return (recorded != null) ? differences(recorded) : List.of();
    }

    /**
     * Compares before a run applies migrations, and logs a warning naming each object that differs; the run then
     * records the schema it leaves, so that the drift is reported once.
     */
    void warn() {
        long start = System.nanoTime();
        List<String> differences = differences();
        if (!differences.isEmpty()) {
            logger.warn("The schema differs from the signature recorded in " + this.table.name().qualified()
                    + " after Cairn's last run, so it was changed outside migrations: " + String.join("; ", differences)
                    + ". Make such changes in migrations; this run records the schema as it leaves it.");
        }
        else if (logger.isDebugEnabled()) {
            logger.debug("Compared the schema with its signature in " + (System.nanoTime() - start) / 1_000_000
                    + " ms: no drift");
        }
    }

    /**
     * Records the schema as it is now. A failure is logged, not thrown: the migrations are committed by then.
     * @param version the current version
     */
    void record(@Nullable Version version) {
        try {
            SchemaSnapshot snapshot = live();
            this.table.write(snapshot, version, this.declared.get());
            if (logger.isDebugEnabled()) {
                logger.debug("Recorded schema signature " + snapshot.hash() + " of " + snapshot.tables().size()
                        + " tables in " + this.table.name().qualified());
            }
        }
        catch (SQLException | RuntimeException ex) {
            logger.warn("Could not record the schema signature in " + this.table.name().qualified() + ": "
                    + MigrationFailedException.rootMessage(ex) + ". The migrations are applied; drift is compared"
                    + " with the signature recorded before, if any, until a run or a repair records it.");
        }
    }

    /**
     * Records the schema when no signature is recorded yet: the baseline of a database Cairn migrated before it
     * kept signatures.
     * @param version the current version
     */
    void recordIfMissing(@Nullable Version version) {
        try {
            if (this.table.read() != null) {
                return;
            }
        }
        catch (SQLException | RuntimeException ex) {
            // Written over below, or the failure to is logged.
        }
        record(version);
    }

    String tableName() {
        return this.table.name().qualified();
    }

}
