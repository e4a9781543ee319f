package dev.cairn.core.source;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

import dev.cairn.MigrationContext;
import dev.cairn.Version;
import dev.cairn.core.change.Change;
import dev.cairn.core.steps.MissingObjects;
import dev.cairn.schema.DeclaredSchema;
import dev.cairn.schema.Step;
import org.jspecify.annotations.Nullable;

/**
 * The automatic migration of a declared schema whose version is above the last migration's: it adds what the
 * declaration has and the database lacks, worked out when it runs, and is recorded as that version with the
 * declaration's checksum, so that a declaration changed without a new version is detected like an edited migration.
 */
final class DeclaredSchemaMigration implements ExecutableMigration {

    /** The type recorded for automatic migrations of the declared schema. */
    static final String TYPE = "SCHEMA_AUTO";

    private final DeclaredSchema declared;

    private final Integer checksum;

    DeclaredSchemaMigration(DeclaredSchema declared) {
        this.declared = declared;
        CRC32 crc = new CRC32();
        crc.update(declared.toString().getBytes(StandardCharsets.UTF_8));
        this.checksum = (int) crc.getValue();
    }

    @Override
    public Version version() {
        return Version.of(this.declared.version());
    }

    @Override
    public String description() {
        return "Declared schema";
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String origin() {
        return "the declared schema";
    }

    @Override
    public @Nullable String script() {
        return null;
    }

    @Override
    public Integer checksum() {
        return this.checksum;
    }

    @Override
    public boolean transactional() {
        return true;
    }

    /**
     * Only additions: what the declaration has and the database lacks, and only what can be added to tables in use.
     * @return one additive change
     */
    @Override
    public List<Change> changes() {
        return List.of(Change.additive("the additions of the declared schema version " + this.declared.version()));
    }

    @Override
    public boolean reversible() {
        return false;
    }

    @Override
    public void up(MigrationContext context) throws Exception {
        List<Step> steps = MissingObjects.steps(this.declared, context.connection());
        StepRunner.apply(steps, context);
    }

    @Override
    public void down(MigrationContext context) {
        throw new UnsupportedOperationException(displayName() + " cannot be reverted");
    }

    @Override
    public String toString() {
        return displayName();
    }

}
