package dev.cairn.benchmarks.contender;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import dev.cairn.MigrationRunner;
import dev.cairn.schema.Column;
import dev.cairn.schema.DeclaredSchema;
import dev.cairn.schema.SchemaMigration;
import dev.cairn.schema.Table;

import static dev.cairn.schema.Steps.table;

/**
 * Cairn given the {@link SchemaMix} as N schema migrations and the declared schema they fold to (version N), through
 * its public API with the default settings: {@code MigrationRunner.builder(dataSource).migrations(...)
 * .declaredSchema(...).build().migrate()}.
 */
public final class CairnSchemaContender implements Contender {

    private final List<SchemaMigration> migrations;

    private final DeclaredSchema declared;

    public CairnSchemaContender(SchemaMix mix) {
        this.migrations = migrations(mix);
        this.declared = declared(mix);
    }

    @Override
    public void migrate(DataSource dataSource) {
        MigrationRunner.builder(dataSource).migrations(this.migrations).declaredSchema(this.declared).build().migrate();
    }

    /**
     * The N schema migrations.
     * @param mix the migrations
     * @return one bean per migration
     */
    public static List<SchemaMigration> migrations(SchemaMix mix) {
        List<SchemaMigration> migrations = new ArrayList<>(mix.size());
        for (int version = 1; version <= mix.size(); version++) {
            migrations.add(new CairnSchemaMigration(version));
        }
        return migrations;
    }

    /**
     * What the N migrations build, declared by hand as an application declares it: every table with the column
     * added to it and the index created on it, version N.
     * @param mix the migrations
     * @return the declared schema
     */
    public static DeclaredSchema declared(SchemaMix mix) {
        List<Table> tables = new ArrayList<>();
        for (int version = 1; version <= mix.size(); version++) {
            if (SchemaMix.kind(version) != SchemaMix.Kind.CREATE_TABLE) {
                continue;
            }
            List<Column> columns = new ArrayList<>(Arrays.asList(CairnSchemaMigration.columns(version)));
            for (int later = version + 1; later <= Math.min(version + 3, mix.size()); later++) {
                if (SchemaMix.kind(later) == SchemaMix.Kind.ADD_COLUMN && SchemaMix.table(later).equals("t_" + version)) {
                    columns.add(CairnSchemaMigration.added(later));
                }
            }
            Table table = table("t_" + version, columns.toArray(new Column[0]));
            boolean indexed = version + 3 <= mix.size() && SchemaMix.kind(version + 3) == SchemaMix.Kind.CREATE_INDEX;
            tables.add(indexed ? table.index("name") : table);
        }
        return DeclaredSchema.of(mix.size(), tables);
    }

}
