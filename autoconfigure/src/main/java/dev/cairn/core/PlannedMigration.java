package dev.cairn.core;

import dev.cairn.Migration;
import dev.cairn.MigrationContext;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.util.ReflectionUtils;

/**
 * A migration bean with what was read from it once: version, description and checksum.
 *
 * @param version the version
 * @param description the description
 * @param beanName the bean's name, for error messages
 * @param migration the bean
 * @param checksum the declared checksum
 */
public record PlannedMigration(long version, String description, String beanName, Migration migration,
        @Nullable Integer checksum) {

    /** The type recorded for migrations written as Java beans. */
    public static final String JAVA = "JAVA";

    /** Whether a class implements down(), worked out once per class and only when a rollback or status asks. */
    private static final ClassValue<Boolean> REVERSIBLE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            var down = ReflectionUtils.findMethod(type, "down", MigrationContext.class);
            return down != null && down.getDeclaringClass() != Migration.class;
        }
    };

    static PlannedMigration of(String beanName, Migration migration) {
        return new PlannedMigration(migration.version(), migration.description(), beanName, migration,
                migration.checksum());
    }

    /**
     * Whether the migration implements {@code down}.
     * @return {@code true} when it can be reverted
     */
    public boolean reversible() {
        return REVERSIBLE.get(AopUtils.getTargetClass(this.migration));
    }

    public String type() {
        return JAVA;
    }

    @Override
    public String toString() {
        return "migration " + this.version + " \"" + this.description + "\" (bean '" + this.beanName + "')";
    }

}
