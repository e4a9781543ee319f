package dev.cairn.core.source;

import java.util.List;
import java.util.Set;

import dev.cairn.Migration;
import dev.cairn.MigrationContext;
import dev.cairn.Version;
import dev.cairn.core.change.Change;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.util.ReflectionUtils;

/**
 * A {@link Migration} bean, with what was read from it once: version, description and checksum.
 */
public final class JavaMigration implements ExecutableMigration {

    /** The type recorded for migrations written as Java beans. */
    public static final String TYPE = "JAVA";

    /** Whether a class implements down(), worked out once per class and only when a rollback or status asks. */
    private static final ClassValue<Boolean> REVERSIBLE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            var down = ReflectionUtils.findMethod(type, "down", MigrationContext.class);
            return down != null && down.getDeclaringClass() != Migration.class;
        }
    };

    private final String beanName;

    private final Migration bean;

    private final long number;

    private final Version version;

    private final String description;

    private final @Nullable Integer checksum;

    private final Set<String> requiredBackgroundMigrations;

    JavaMigration(String beanName, Migration bean) {
        this(beanName, bean, bean.checksum());
    }

    JavaMigration(String beanName, Migration bean, @Nullable Integer checksum) {
        this.beanName = beanName;
        this.bean = bean;
        this.number = bean.version();
        this.version = Version.of(Math.max(this.number, 0));
        this.description = bean.description();
        this.checksum = checksum;
        this.requiredBackgroundMigrations = bean.requiredBackgroundMigrations();
    }

    @Override
    public Long declaredVersion() {
        return this.number;
    }

    public String beanName() {
        return this.beanName;
    }

    @Override
    public Version version() {
        return this.version;
    }

    @Override
    public String description() {
        return this.description;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String origin() {
        return "bean '" + this.beanName + "'";
    }

    @Override
    public @Nullable String script() {
        return null;
    }

    @Override
    public @Nullable Integer checksum() {
        return this.checksum;
    }

    @Override
    public Set<String> requiredBackgroundMigrations() {
        return this.requiredBackgroundMigrations;
    }

    @Override
    public Set<String> destroys() {
        return this.bean.destroys();
    }

    /**
     * What the bean declares: additive, breaking on purpose, or neither, which Cairn cannot tell before it runs.
     * @return one change
     */
    @Override
    public List<Change> changes() {
        String reason = breakingReason();
        if (reason != null) {
            return List.of(Change.breaking(origin() + " declares breaking(): " + reason,
                    "Apply it once no older instance runs."));
        }
        if (this.bean.additive()) {
            return List.of(Change.additive(origin() + " declares additive()"));
        }
        return List.of(Change.unclassified(origin() + " is Java code, which Cairn cannot inspect before it runs",
                "Override additive() to return true when it only adds, or breaking() to return why it breaks on"
                        + " purpose."));
    }

    /**
     * Whether the bean declares that it only adds, as {@link #changes()} says, without writing the changes' messages:
     * every applied migration records it.
     * @return whether it is additive
     */
    @Override
    public boolean additive() {
        return breakingReason() == null && this.bean.additive();
    }

    @Override
    public @Nullable String breakingReason() {
        String reason = this.bean.breaking();
        return (reason != null && !reason.isBlank()) ? reason.strip() : null;
    }

    @Override
    public boolean transactional() {
        return this.bean.transactional();
    }

    @Override
    public boolean reversible() {
        return REVERSIBLE.get(AopUtils.getTargetClass(this.bean));
    }

    @Override
    public void up(MigrationContext context) throws Exception {
        this.bean.up(context);
    }

    @Override
    public void down(MigrationContext context) throws Exception {
        this.bean.down(context);
    }

    @Override
    public String toString() {
        return displayName();
    }

}
