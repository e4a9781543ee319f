package dev.cairn.core.source;

import java.util.List;

/**
 * One source of migrations, such as the application's beans or its SQL scripts.
 */
@FunctionalInterface
public interface MigrationResolver {

    /**
     * Finds this source's migrations; called once for every operation of the runner.
     * @return the migrations, in no particular order
     */
    List<ExecutableMigration> resolve();

}
