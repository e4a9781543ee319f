package dev.cairn.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.cairn.MigrationRunner;
import dev.cairn.core.schema.SchemaSnapshot;
import dev.cairn.schema.Column;
import dev.cairn.schema.DeclaredSchema;
import dev.cairn.schema.SchemaMigration;
import dev.cairn.schema.Step;
import dev.cairn.schema.Steps;
import dev.cairn.schema.Table;

/**
 * Compares a database migrated to the latest version with one built from the declared schema alone: one schema
 * migration that creates each declared table, so that both are read back from a real database by the same catalog
 * queries and any difference the database itself adds (a type's spelling, an index of a unique column) is the same
 * on both sides.
 */
final class DeclaredSchemaCheck {

    private DeclaredSchemaCheck() {
    }

    static List<String> failures(Migrator migrator, TestDatabaseFactory databases, DeclaredSchema declared) {
        SchemaSnapshot migrated;
        try (TestDatabase database = databases.create()) {
            migrator.migrate(database, null, "to the latest version");
            migrated = migrator.snapshot(database);
        }
        SchemaSnapshot fromDeclaration;
        try (TestDatabase database = databases.create()) {
            try {
                // Only the declaration: no Java migrations and no scripts.
                MigrationRunner.builder(database.dataSource())
                    .settings(migrator.settings().withTarget(null).withLocations(List.of()))
                    .migrations(List.of(new Declaration(declared)))
                    .build()
                    .migrate();
            }
            catch (RuntimeException ex) {
                throw new AssertionError("Creating the declared schema's tables on " + database + " failed: "
                        + ex.getMessage(), ex);
            }
            fromDeclaration = migrator.snapshot(database);
        }
        List<String> differences = Migrator.differences(migrated, fromDeclaration, "declared", "not declared",
                "declared but missing after the migrations");
        if (differences.isEmpty()) {
            return List.of();
        }
        return List.of(Migrator.report("The schema the migrations leave differs from the declared schema (version "
                + declared.version() + "):", differences, "Change the declaration or write a migration, so that they say the same."));
    }

    /**
     * The declared tables, each created after the tables its columns reference, so that a database that checks
     * foreign keys as it creates them accepts the order whatever order they were declared in.
     */
    static List<Table> inCreationOrder(List<Table> tables) {
        Map<String, Table> pending = new LinkedHashMap<>();
        tables.forEach((table) -> pending.put(table.name().toLowerCase(Locale.ROOT), table));
        List<Table> ordered = new ArrayList<>();
        while (!pending.isEmpty()) {
            Table next = pending.values()
                .stream()
                .filter((table) -> references(table).stream().noneMatch(pending::containsKey))
                .findFirst()
                .orElseGet(() -> pending.values().iterator().next());
            pending.remove(next.name().toLowerCase(Locale.ROOT));
            ordered.add(next);
        }
        return ordered;
    }

    private static List<String> references(Table table) {
        List<String> referenced = new ArrayList<>();
        for (Column column : table.columns()) {
            if (column.reference() != null && !column.reference().table().equalsIgnoreCase(table.name())) {
                referenced.add(column.reference().table().toLowerCase(Locale.ROOT));
            }
        }
        return referenced;
    }

    /**
     * The declaration as one schema migration at its own version.
     */
    private record Declaration(DeclaredSchema declared) implements SchemaMigration {

        @Override
        public long version() {
            return this.declared.version();
        }

        @Override
        public String description() {
            return "Declared schema";
        }

        @Override
        public List<Step> steps() {
            return inCreationOrder(this.declared.tables()).stream().<Step>map(Steps::createTable).toList();
        }

    }

}
