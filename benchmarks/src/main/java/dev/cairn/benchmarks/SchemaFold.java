package dev.cairn.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import dev.cairn.benchmarks.contender.CairnSchemaContender;
import dev.cairn.benchmarks.contender.SchemaMix;
import dev.cairn.core.MigrationPlan;
import dev.cairn.core.source.BeanMigrationResolver;
import dev.cairn.core.source.DeclaredSchemaResolver;
import dev.cairn.core.source.ExecutableMigration;
import dev.cairn.core.source.MigrationResolver;
import dev.cairn.core.source.SchemaStepsMigration;
import dev.cairn.core.steps.SchemaComparison;
import dev.cairn.core.steps.SchemaModel;
import dev.cairn.schema.DeclaredSchema;
import dev.cairn.schema.SchemaMigration;

/**
 * The schema benchmark's in-memory part: resolving the N schema migrations into a {@link MigrationPlan} with and
 * without the {@link DeclaredSchemaResolver} (so the difference is what the fold and the comparison add), and with a
 * resolver that trusts the digest a run recorded (a start that changed nothing: no fold), timed once
 * in a fresh JVM (class loading included) and then as the median of repeated runs, with the resolver's parts split:
 * reading the beans' steps and checksums, the fold, the check of the fold against the declaration, and what runs only
 * when that check finds a difference: the declaration's model and the comparison that names each difference.
 */
final class SchemaFold {

    private static final int REPEATS = 21;

    private static final int WARM_UP = 50;

    private SchemaFold() {
    }

    static Map<String, Object> measure(SchemaMix mix) {
        List<SchemaMigration> migrations = CairnSchemaContender.migrations(mix);
        DeclaredSchema declared = CairnSchemaContender.declared(mix);
        Map<String, SchemaMigration> beans = new LinkedHashMap<>();
        migrations.forEach((migration) -> beans.put("m" + migration.version(), migration));
        Supplier<Map<String, SchemaMigration>> supplier = () -> beans;
        List<MigrationResolver> plain = List.of(new BeanMigrationResolver(supplier));
        // A new resolver for every resolve: one remembers what it checked, and would fold only once.
        Supplier<List<MigrationResolver>> checked = () -> List.of(new DeclaredSchemaResolver(plain, declared));
        DeclaredSchemaResolver first = new DeclaredSchemaResolver(plain, declared);
        first.resolve();
        Long digest = first.checked();
        Supplier<List<MigrationResolver>> trusted = () -> {
            DeclaredSchemaResolver resolver = new DeclaredSchemaResolver(plain, declared);
            resolver.trust(digest);
            return List.of(resolver);
        };
        List<SchemaStepsMigration> resolved = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        // First in a fresh JVM, part by part, in the order the resolver runs them: class loading included.
        values.put("firstPlain", millis(time(() -> steps(plain, resolved))));
        SchemaModel[] models = new SchemaModel[2];
        values.put("firstFold", millis(time(() -> models[1] = fold(declared, resolved))));
        values.put("firstCheck", millis(time(() -> check(models[1], declared))));
        values.put("firstModel", millis(time(() -> models[0] = SchemaModel.of(declared))));
        values.put("firstCompare", millis(time(() -> compare(models[1], models[0]))));
        values.put("first", millis(time(() -> MigrationPlan.resolve(checked.get()))));
        for (int i = 0; i < WARM_UP; i++) {
            MigrationPlan.resolve(checked.get());
            MigrationPlan.resolve(trusted.get());
            MigrationPlan.resolve(plain);
        }
        values.put("checked", median(() -> MigrationPlan.resolve(checked.get())));
        values.put("trusted", median(() -> MigrationPlan.resolve(trusted.get())));
        values.put("plain", median(() -> MigrationPlan.resolve(plain)));
        values.put("fold", median(() -> fold(declared, resolved)));
        values.put("check", median(() -> check(models[1], declared)));
        values.put("model", median(() -> SchemaModel.of(declared)));
        values.put("compare", median(() -> compare(models[1], models[0])));
        values.put("millis", values.get("checked"));
        return values;
    }

    private static void steps(List<MigrationResolver> plain, List<SchemaStepsMigration> resolved) {
        for (ExecutableMigration migration : MigrationPlan.resolve(plain).versioned()) {
            resolved.add((SchemaStepsMigration) migration);
        }
    }

    private static void check(SchemaModel folded, DeclaredSchema declared) {
        if (!folded.matches(declared)) {
            throw new IllegalStateException("The declared schema differs from the migrations' fold");
        }
    }

    private static void compare(SchemaModel folded, SchemaModel declared) {
        if (!SchemaComparison.of(folded, declared).differences().isEmpty()) {
            throw new IllegalStateException("The declared schema differs from the migrations' fold");
        }
    }

    private static SchemaModel fold(DeclaredSchema declared, List<SchemaStepsMigration> migrations) {
        SchemaModel model = SchemaModel.folding(declared);
        for (SchemaStepsMigration migration : migrations) {
            model.apply(migration.steps(), "migration " + migration.version());
        }
        return model;
    }

    private static String median(Runnable action) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            times.add(time(action));
        }
        times.sort(null);
        return millis(times.get(REPEATS / 2));
    }

    private static long time(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return System.nanoTime() - start;
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

}
