package dev.cairn.core.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.cairn.MigrationContext;
import dev.cairn.Version;
import dev.cairn.schema.SchemaMigration;
import dev.cairn.schema.Step;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SchemaMigration} bean: its steps, read once, applied by the renderer of the database, and undone by their
 * inverses when every step has one.
 */
public final class SchemaStepsMigration implements ExecutableMigration {

    /** The type recorded for schema migrations. */
    public static final String TYPE = "SCHEMA";

    private final JavaMigration bean;

    private final List<Step> steps;

    SchemaStepsMigration(String beanName, SchemaMigration bean) {
        this.bean = new JavaMigration(beanName, bean);
        this.steps = List.copyOf(bean.steps());
    }

    /**
     * The steps, in order.
     * @return the steps
     */
    public List<Step> steps() {
        return this.steps;
    }

    /**
     * The steps that undo this migration: the inverses of its steps, last first.
     * @return the steps, or {@code null} when one step has no inverse
     */
    public @Nullable List<Step> inverse() {
        List<Step> inverse = new ArrayList<>();
        for (int i = this.steps.size() - 1; i >= 0; i--) {
            List<Step> undo = this.steps.get(i).inverse();
            if (undo == null) {
                return null;
            }
            inverse.addAll(undo);
        }
        return inverse;
    }

    @Override
    public Long declaredVersion() {
        return this.bean.declaredVersion();
    }

    @Override
    public Version version() {
        return this.bean.version();
    }

    @Override
    public String description() {
        return this.bean.description();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String origin() {
        return this.bean.origin();
    }

    @Override
    public @Nullable String script() {
        return null;
    }

    @Override
    public @Nullable Integer checksum() {
        return this.bean.checksum();
    }

    @Override
    public Set<String> requiredBackgroundMigrations() {
        return this.bean.requiredBackgroundMigrations();
    }

    @Override
    public Set<String> destroys() {
        return this.bean.destroys();
    }

    @Override
    public boolean transactional() {
        return this.bean.transactional();
    }

    @Override
    public boolean reversible() {
        return inverse() != null;
    }

    @Override
    public boolean needsForeignKeysOff(String databaseName) {
        return StepRunner.mayRebuild(this.steps, databaseName) || (reversible()
                && StepRunner.mayRebuild(inverse(), databaseName));
    }

    @Override
    public void up(MigrationContext context) {
        StepRunner.apply(this.steps, context);
    }

    @Override
    public void down(MigrationContext context) {
        List<Step> inverse = inverse();
        if (inverse == null) {
            throw new UnsupportedOperationException(displayName() + " has a step without an inverse");
        }
        StepRunner.apply(inverse, context);
    }

    @Override
    public String toString() {
        return displayName();
    }

}
