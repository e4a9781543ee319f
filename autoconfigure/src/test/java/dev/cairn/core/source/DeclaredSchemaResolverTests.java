package dev.cairn.core.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cairn.MigrationException;
import dev.cairn.Version;
import dev.cairn.schema.DeclaredSchema;
import dev.cairn.schema.SchemaMigration;
import dev.cairn.schema.Step;
import dev.cairn.schema.Table;
import org.junit.jupiter.api.Test;

import static dev.cairn.schema.Steps.addColumns;
import static dev.cairn.schema.Steps.column;
import static dev.cairn.schema.Steps.createTable;
import static dev.cairn.schema.Steps.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The digest that lets a start skip folding a declaration and schema migrations that were checked before: what it
 * covers, that it is the same in every JVM, and that only a digest equal to it skips the check.
 */
class DeclaredSchemaResolverTests {

    // A change of this number makes every database fold its declaration once more, on its next start: harmless,
    // but it should be on purpose.
    private static final long DIGEST = 6470908304433425407L;

    private static final Table TODOS = table("todos", column("id").bigint().primaryKey(),
            column("title").varchar(200).notNull());

    private static final SchemaMigration CREATE_TODOS = schema(1, createTable("todos",
            column("id").bigint().primaryKey(), column("title").varchar(200).notNull()));

    @Test
    void aResolveThatChecksRemembersTheDigestOfWhatItChecked() {
        DeclaredSchemaResolver resolver = resolver(DeclaredSchema.of(1, TODOS), CREATE_TODOS);
        assertThat(resolver.checked()).isNull();
        resolver.resolve();
        assertThat(resolver.checked()).isEqualTo(digest(DeclaredSchema.of(1, TODOS), CREATE_TODOS))
            .isEqualTo(DIGEST);
    }

    @Test
    void theDigestCoversTheDeclarationAndEverySchemaMigration() {
        long digest = digest(DeclaredSchema.of(1, TODOS), CREATE_TODOS);
        assertThat(digest(DeclaredSchema.of(2, TODOS), CREATE_TODOS)).as("declared version").isNotEqualTo(digest);
        assertThat(digest(DeclaredSchema.of(1, table("todos", column("id").bigint().primaryKey(),
                column("title").varchar(100).notNull())), CREATE_TODOS)).as("a declared column").isNotEqualTo(digest);
        assertThat(digest(DeclaredSchema.of(1, TODOS.index("title")), CREATE_TODOS)).as("a declared index")
            .isNotEqualTo(digest);
        assertThat(digest(DeclaredSchema.of(1, TODOS), schema(1, createTable("todos",
                column("id").bigint().primaryKey(), column("title").varchar(200)))))
            .as("a step").isNotEqualTo(digest);
        assertThat(digest(DeclaredSchema.of(2, TODOS), CREATE_TODOS))
            .as("a schema migration more").isNotEqualTo(digest(DeclaredSchema.of(2, TODOS), CREATE_TODOS,
                    schema(2, addColumns("todos", column("note").text()))));
        assertThat(digest(DeclaredSchema.of(3, TODOS), CREATE_TODOS, schema(2, addColumns("todos",
                column("note").text())))).as("its version").isNotEqualTo(digest(DeclaredSchema.of(3, TODOS),
                        CREATE_TODOS, schema(3, addColumns("todos", column("note").text()))));
    }

    @Test
    void onlyATrustedDigestEqualToTheirsSkipsTheCheck() {
        // A declaration that the migration does not build: checked, it is refused.
        DeclaredSchema lacking = DeclaredSchema.of(1, table("todos", column("id").bigint().primaryKey()));
        DeclaredSchemaResolver resolver = resolver(lacking, CREATE_TODOS);
        assertThatExceptionOfType(MigrationException.class).isThrownBy(resolver::resolve)
            .withMessageContaining("column todos.title");
        resolver.trust(digest(lacking, CREATE_TODOS) + 1);
        assertThatExceptionOfType(MigrationException.class).isThrownBy(resolver::resolve);
        // Trusted, as the digest a run recorded after it checked the same pair: not folded again.
        resolver.trust(digest(lacking, CREATE_TODOS));
        assertThat(resolver.resolve()).hasSize(1);
    }

    private static long digest(DeclaredSchema declared, SchemaMigration... migrations) {
        DeclaredSchemaResolver resolver = resolver(declared, migrations);
        return resolver.digest(Version.of(declared.version()), beans(migrations).resolve());
    }

    private static DeclaredSchemaResolver resolver(DeclaredSchema declared, SchemaMigration... migrations) {
        return new DeclaredSchemaResolver(List.of(beans(migrations)), declared);
    }

    private static BeanMigrationResolver beans(SchemaMigration... migrations) {
        Map<String, SchemaMigration> beans = new LinkedHashMap<>();
        for (SchemaMigration migration : migrations) {
            beans.put("migration" + migration.version(), migration);
        }
        return new BeanMigrationResolver(() -> beans);
    }

    private static SchemaMigration schema(long version, Step... steps) {
        return new SchemaMigration() {

            @Override
            public long version() {
                return version;
            }

            @Override
            public String description() {
                return "Migration " + version;
            }

            @Override
            public List<Step> steps() {
                return List.of(steps);
            }

        };
    }

}
