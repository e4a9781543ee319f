package dev.cairn.core;

import dev.cairn.Migration;
import dev.cairn.MigrationContext;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.util.ReflectionUtils;

/**
 * A migration bean with what was read from it once: version, description, checksum and whether it can be
 * reverted.
 *
 * @param version the version
 * @param description the description
 * @param beanName the bean's name, for error messages
 * @param migration the bean
 * @param checksum the declared checksum
 * @param reversible whether {@code down} is implemented
 */
public record PlannedMigration(long version, String description, String beanName, Migration migration,
        @Nullable Integer checksum, boolean reversible) {

    /** The type recorded for migrations written as Java beans. */
    public static final String JAVA = "JAVA";

    static PlannedMigration of(String beanName, Migration migration) {
        Class<?> type = AopUtils.getTargetClass(migration);
        var down = ReflectionUtils.findMethod(type, "down", MigrationContext.class);
        boolean reversible = down != null && down.getDeclaringClass() != Migration.class;
        return new PlannedMigration(migration.version(), migration.description(), beanName, migration,
                migration.checksum(), reversible);
    }

    public String type() {
        return JAVA;
    }

    @Override
    public String toString() {
        return "migration " + this.version + " \"" + this.description + "\" (bean '" + this.beanName + "')";
    }

}
