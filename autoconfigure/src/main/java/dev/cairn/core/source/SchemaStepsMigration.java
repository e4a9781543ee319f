package dev.cairn.core.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.cairn.MigrationContext;
import dev.cairn.Version;
import dev.cairn.core.change.Change;
import dev.cairn.core.change.SqlChanges;
import dev.cairn.core.sql.SqlSyntax;
import dev.cairn.schema.SchemaMigration;
import dev.cairn.schema.SqlStep;
import dev.cairn.schema.Step;
import org.jspecify.annotations.Nullable;


/**
 * A {@link SchemaMigration} bean: its steps, read once, applied by the renderer of the database, and undone by their
 * inverses when every step has one.
 */
public final class SchemaStepsMigration implements ExecutableMigration {

    /** The type recorded for schema migrations. */
    public static final String TYPE = "SCHEMA";

    /**
     * Whether a class computes its own checksum rather than SchemaMigration's of the steps. Plain reflection rather
     * than Spring's AopUtils and ReflectionUtils, whose first use costs a fresh JVM their caches; a proxy counts as
     * computing its own, which is right, only slower: its checksum() builds the steps again.
     */
    private static final ClassValue<Boolean> OWN_CHECKSUM = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                Class<?> declaring = type.getMethod("checksum").getDeclaringClass();
                return declaring != SchemaMigration.class && declaring != dev.cairn.Migration.class;
            }
            catch (NoSuchMethodException ex) {
                return false;
            }
        }
    };

    private final JavaMigration bean;

    private final List<Step> steps;

    /** The checksum of the steps, when it is the migration's own; otherwise computed when first asked for. */
    private @Nullable Integer stepsChecksum;

    SchemaStepsMigration(String beanName, SchemaMigration bean) {
        this.steps = List.copyOf(bean.steps());
        // The steps are read once: the default checksum is theirs, and building them twice costs a start with many
        // schema migrations more than anything else it does.
        Integer checksum;
        if (OWN_CHECKSUM.get(bean.getClass())) {
            checksum = bean.checksum();
        }
        else {
            checksum = SchemaMigration.checksumOf(this.steps);
            this.stepsChecksum = checksum;
        }
        this.bean = new JavaMigration(beanName, bean, checksum);
    }

    /**
     * The checksum of the steps ({@link SchemaMigration#checksumOf}), whatever checksum the migration records.
     * @return the checksum
     */
    public int stepsChecksum() {
        Integer checksum = this.stepsChecksum;
        if (checksum == null) {
            checksum = SchemaMigration.checksumOf(this.steps);
            this.stepsChecksum = checksum;
        }
        return checksum;
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

    /**
     * Each step classified exactly by what it is; an {@code sql} step by its statements, as a script's are.
     * @return the changes, one or more per step
     */
    @Override
    public List<Change> changes() {
        String reason = breakingReason();
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < this.steps.size(); i++) {
            Step step = this.steps.get(i);
            String what = "step " + (i + 1) + " of " + this.steps.size() + ", " + step;
            if (step instanceof SqlStep sql) {
                sql.statements().forEach((database, statement) -> {
                    Change change = SqlChanges.classify(statement, 0, syntax(database));
                    changes.add(new Change(what + ": " + change.what(), change.kind(), change.advice()));
                });
            }
            else if (step.additive()) {
                changes.add(Change.additive(what));
            }
            else {
                changes.add(Change.breaking(what, (reason != null) ? "Apply it once no older instance runs."
                        : step.advice()));
            }
        }
        return changes;
    }

    private static SqlSyntax syntax(String database) {
        return switch (database) {
            case "sqlite" -> SqlSyntax.SQLITE;
            case "mariadb", "mysql" -> SqlSyntax.MYSQL;
            case "h2" -> SqlSyntax.H2;
            default -> SqlSyntax.POSTGRESQL;
        };
    }

    @Override
    public @Nullable String breakingReason() {
        return this.bean.breakingReason();
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
