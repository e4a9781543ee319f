package dev.cairn.core.sql;

import java.time.LocalDateTime;
import java.util.Map;

import dev.cairn.MigrationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Replacing {@code ${name}} in scripts by Flyway's rules.
 */
class PlaceholdersTests {

    private static final String ORIGIN = "classpath:db/migration/V2__x.sql";

    private final Placeholders placeholders = Placeholders.of(Map.of("schema", "app", "Owner", "admin"));

    @Test
    void replacesPlaceholdersIgnoringTheCaseOfTheirNames() {
        String script = "CREATE TABLE ${schema}.t (id INT);\nGRANT ALL ON ${SCHEMA}.t TO ${owner};";
        assertThat(this.placeholders.replace(script, ORIGIN))
            .isEqualTo("CREATE TABLE app.t (id INT);\nGRANT ALL ON app.t TO admin;");
    }

    @Test
    void replacesEverywhereIncludingCommentsAndStringsWithoutRescanningValues() {
        Placeholders placeholders = Placeholders.of(Map.of("a", "${b}", "b", "never", "empty", ""));
        assertThat(placeholders.replace("-- ${a}\nSELECT '${a}${empty}' /* ${empty} */;", ORIGIN))
            .isEqualTo("-- ${b}\nSELECT '${b}' /*  */;");
    }

    @Test
    void leavesAPlaceholderAfterADollarAloneAsFlywayDoes() {
        // Flyway reads '$' and the character after it as a pair: in $${x} the second '$' starts nothing
        assertThat(this.placeholders.replace("$${schema} $$${schema} $$$${schema} $ {schema} $", ORIGIN))
            .isEqualTo("$${schema} $$app $$$${schema} $ {schema} $");
    }

    @Test
    void readsPlaceholdersBetweenTheConfiguredPrefixAndSuffix() {
        Placeholders placeholders = this.placeholders.withSyntax("#[", "]");
        assertThat(placeholders.replace("CREATE TABLE #[schema].t (a INT); -- ${schema} ##[schema] #[flyway:environment]",
                ORIGIN)).isEqualTo("CREATE TABLE app.t (a INT); -- ${schema} ##[schema] default");
        assertThatExceptionOfType(MigrationException.class)
            .isThrownBy(() -> placeholders.replace("SELECT 1;\nSELECT '#[schema';", ORIGIN))
            .withMessageStartingWith("Placeholder at line 2 of " + ORIGIN + " has no ']' after it")
            .satisfies((ex) -> assertThat(ex.getAction()).contains("keep #[ as it is"));
        assertThatExceptionOfType(MigrationException.class)
            .isThrownBy(() -> placeholders.replace("SELECT '#[nobody]';", ORIGIN))
            .withMessageStartingWith("Placeholder #[nobody] in " + ORIGIN + " at line 1 has no value");
        assertThatIllegalArgumentException().isThrownBy(() -> this.placeholders.withSyntax("", "}"));
    }

    @Test
    void returnsTheSameTextWhenThereIsNoPlaceholder() {
        String text = "SELECT '$1', '{x}' FROM t;";
        assertThat(this.placeholders.replace(text, ORIGIN)).isSameAs(text);
    }

    @Test
    void providesFlywaysAndCairnsBuiltIns() {
        Placeholders placeholders = this.placeholders.withBuiltIn("defaultSchema", "public")
            .withBuiltIn("user", "alice")
            .withBuiltIn("database", "shop")
            .withBuiltIn("table", "cairn_migrations")
            .withTimestamp(LocalDateTime.of(2026, 11, 21, 9, 30, 5))
            .forFile("V2__x.sql");
        String text = "${flyway:defaultSchema} ${flyway:user} ${flyway:database} ${flyway:timestamp}"
                + " ${flyway:filename} ${flyway:table} ${flyway:environment}\n"
                + "${cairn:defaultSchema} ${cairn:user} ${cairn:database} ${cairn:timestamp} ${cairn:filename}"
                + " ${cairn:table}";
        assertThat(placeholders.replace(text, ORIGIN))
            .isEqualTo("public alice shop 2026-11-21 09:30:05 V2__x.sql cairn_migrations default\n"
                    + "public alice shop 2026-11-21 09:30:05 V2__x.sql cairn_migrations");
        assertThat(placeholders.replace("${flyway:workingDirectory}", ORIGIN))
            .isEqualTo(System.getProperty("user.dir"));
        assertThat(placeholders.value("FLYWAY:USER")).isEqualTo("alice");
    }

    @Test
    void letsBuiltInsWinOverTheUsersValues() {
        Placeholders placeholders = Placeholders.of(Map.of("flyway:user", "mine")).withBuiltIn("user", "database's");
        assertThat(placeholders.replace("${flyway:user}", ORIGIN)).isEqualTo("database's");
    }

    @Test
    void namesTheUnknownPlaceholderTheScriptAndTheLine() {
        assertThatExceptionOfType(MigrationException.class)
            .isThrownBy(() -> this.placeholders.replace("SELECT 1;\r\nSELECT 2;\rSELECT ${tenant};", ORIGIN))
            .withMessage("Placeholder ${tenant} in classpath:db/migration/V2__x.sql at line 3 has no value: set"
                    + " cairn.placeholders.tenant, or set cairn.placeholder-replacement=false if the script must keep"
                    + " ${...} as it is.")
            .satisfies((ex) -> assertThat(ex.getAction()).startsWith("Set cairn.placeholders.tenant, or set"));
    }

    @Test
    void explainsABuiltInWithoutValue() {
        assertThatExceptionOfType(MigrationException.class)
            .isThrownBy(() -> this.placeholders.replace("\n-- ${flyway:database}", ORIGIN))
            .withMessageContaining("Placeholder ${flyway:database} in " + ORIGIN + " at line 2 has no value on this"
                    + " database: set cairn.placeholders[flyway:database]");
        assertThatExceptionOfType(MigrationException.class)
            .isThrownBy(() -> this.placeholders.replace("${cairn:nothing}", ORIGIN))
            .withMessageContaining("${cairn:nothing} in " + ORIGIN + " at line 1 is not one of the built-ins");
    }

    @Test
    void refusesAPlaceholderWithoutClosingBrace() {
        assertThatExceptionOfType(MigrationException.class)
            .isThrownBy(() -> this.placeholders.replace("SELECT 1;\nSELECT '${schema';", ORIGIN))
            .withMessageContaining("Placeholder at line 2 of " + ORIGIN + " has no '}' after it");
    }

    @Test
    void passesTextUntouchedWhenReplacementIsOff() {
        String text = "SELECT '${unknown}';";
        assertThat(Placeholders.disabled().replace(text, ORIGIN)).isSameAs(text);
        assertThat(this.placeholders.withReplacement(false).replace(text, ORIGIN)).isSameAs(text);
        assertThat(this.placeholders.withReplacement(false).withReplacement(true).replace("${schema}", ORIGIN))
            .isEqualTo("app");
    }

    @Test
    void refusesUnknownBuiltIns() {
        assertThatIllegalArgumentException().isThrownBy(() -> this.placeholders.withBuiltIn("host", "x"));
    }

}
