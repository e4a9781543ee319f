package dev.cairn.core.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.cairn.Migration;
import dev.cairn.schema.SchemaMigration;

/**
 * The application's {@link Migration} beans, looked up on every operation so that the runner always sees the
 * context's current beans.
 */
public final class BeanMigrationResolver implements MigrationResolver {

    private final Supplier<? extends Map<String, ? extends Migration>> beans;

    /**
     * A resolver for beans by name.
     * @param beans the beans, asked for each time
     */
    public BeanMigrationResolver(Supplier<? extends Map<String, ? extends Migration>> beans) {
        this.beans = beans;
    }

    @Override
    public List<ExecutableMigration> resolve() {
        Map<String, ? extends Migration> beans = this.beans.get();
        List<ExecutableMigration> migrations = new ArrayList<>(beans.size());
        for (Map.Entry<String, ? extends Migration> bean : beans.entrySet()) {
            migrations.add((bean.getValue() instanceof SchemaMigration schema)
                    ? new SchemaStepsMigration(bean.getKey(), schema) : new JavaMigration(bean.getKey(), bean.getValue()));
        }
        return migrations;
    }

}
