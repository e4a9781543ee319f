package dev.cairn.flyway;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A Flyway Java migration, as a project moving to Cairn has them: Flyway takes version 3 and the description
 * "Record java step" from the class name, and records it with type {@code JDBC} and no checksum.
 */
public class V3__Record_java_step extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("INSERT INTO side_effects (step) VALUES ('java 3')");
        }
    }

}
