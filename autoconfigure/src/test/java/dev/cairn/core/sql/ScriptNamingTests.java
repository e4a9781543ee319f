package dev.cairn.core.sql;

import java.util.List;

import dev.cairn.MigrationException;
import dev.cairn.ScriptNames;
import dev.cairn.core.sql.ScriptName.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How file names are read, by Flyway's rules.
 */
class ScriptNamingTests {

    private final ScriptNaming naming = ScriptNaming.defaults();

    @Test
    void readsAVersionedScriptTurningUnderscoresIntoSpaces() {
        ScriptName name = this.naming.parse("V1_1__add_email_index.sql");
        assertThat(name.kind()).isEqualTo(Kind.VERSIONED);
        assertThat(name.version()).isEqualTo("1_1");
        assertThat(name.normalizedVersion()).isEqualTo("1.1");
        assertThat(name.description()).isEqualTo("add email index");
        assertThat(name.fileName()).isEqualTo("V1_1__add_email_index.sql");
        assertThat(name.isMigration()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({ "V1__x.sql, 1, 1", "V1.2__x.sql, 1.2, 1.2", "V1_2_3__x.sql, 1_2_3, 1.2.3",
            "V2.1.0.49.5__x.sql, 2.1.0.49.5, 2.1.0.49.5", "V20261121093000__x.sql, 20261121093000, 20261121093000",
            "V007.01__x.sql, 007.01, 007.01", "V1.0.0__x.sql, 1.0.0, 1.0.0" })
    void acceptsFlywaysVersionGrammar(String fileName, String version, String normalized) {
        ScriptName name = this.naming.parse(fileName);
        assertThat(name.kind()).isEqualTo(Kind.VERSIONED);
        assertThat(name.version()).isEqualTo(version);
        assertThat(name.normalizedVersion()).isEqualTo(normalized);
    }

    @Test
    void keepsDotsInTheDescriptionAndSplitsAtTheFirstSeparator() {
        assertThat(this.naming.parse("V7__dots.in.the.description.sql").description())
            .isEqualTo("dots.in.the.description");
        assertThat(this.naming.parse("V8__a__b.sql").description()).isEqualTo("a  b");
    }

    @Test
    void acceptsANameWithoutDescriptionAsFlywayDoes() {
        // Flyway 12 applies V1.2.sql as version 1.2 with an empty description (see FlywayCompatibilityTests)
        ScriptName name = this.naming.parse("V1.2.sql");
        assertThat(name.kind()).isEqualTo(Kind.VERSIONED);
        assertThat(name.normalizedVersion()).isEqualTo("1.2");
        assertThat(name.description()).isEmpty();
        assertThat(this.naming.parse("V3__.sql").description()).isEmpty();
    }

    @Test
    void matchesTheSuffixIgnoringCaseAsFlywayDoes() {
        assertThat(this.naming.parse("V5__upper.SQL").kind()).isEqualTo(Kind.VERSIONED);
    }

    @Test
    void readsUndoAndRepeatableScripts() {
        ScriptName undo = this.naming.parse("U1_1__add_email_index.sql");
        assertThat(undo.kind()).isEqualTo(Kind.UNDO);
        assertThat(undo.normalizedVersion()).isEqualTo("1.1");
        assertThat(undo.description()).isEqualTo("add email index");
        ScriptName repeatable = this.naming.parse("R__refresh_views.sql");
        assertThat(repeatable.kind()).isEqualTo(Kind.REPEATABLE);
        assertThat(repeatable.version()).isNull();
        assertThat(repeatable.description()).isEqualTo("refresh views");
    }

    @ParameterizedTest
    @ValueSource(strings = { "beforeMigrate", "beforeEachMigrate", "afterEachMigrate", "afterEachMigrateError",
            "afterMigrate", "afterMigrateApplied", "afterVersioned", "afterMigrateError", "beforeRepair",
            "afterRepair", "beforeValidate", "afterValidate", "afterValidateError", "beforeBaseline",
            "afterBaseline", "beforeInfo", "afterInfo" })
    void readsCallbacksWithAndWithoutDescription(String event) {
        ScriptName plain = this.naming.parse(event + ".sql");
        assertThat(plain.kind()).isEqualTo(Kind.CALLBACK);
        assertThat(plain.event()).isEqualTo(event);
        assertThat(plain.description()).isEmpty();
        assertThat(plain.isMigration()).isFalse();
        ScriptName described = this.naming.parse(event + "__create_audit.sql");
        assertThat(described.kind()).isEqualTo(Kind.CALLBACK);
        assertThat(described.event()).isEqualTo(event);
        assertThat(described.description()).isEqualTo("create audit");
    }

    @ParameterizedTest
    @ValueSource(strings = { "README.md", "V1__x.sql.conf", "V1__x.txt", ".sql", "schema" })
    void ignoresFilesWithoutTheSuffix(String fileName) {
        assertThat(this.naming.parse(fileName).kind()).isEqualTo(Kind.NOT_A_MIGRATION);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "V366_remove_x.sql | no '__' between the version and the description; it should look like V366__remove_x",
            "V1.2_add_x.sql | it should look like V1.2__add_x.sql",
            "Vabc__x.sql | 'abc' is not a version",
            "V1..2__x.sql | '1..2' is not a version",
            "V1.__x.sql | '1.' is not a version",
            "V__x.sql | it has no version; it should look like V1.2__x.sql",
            "v1__x.sql | prefixes are case-sensitive: 'v' is not 'V'",
            "r__x.sql | prefixes are case-sensitive: 'r' is not 'R'",
            "R1__x.sql | a repeatable script takes nothing between 'R' and '__'; it should look like R__x.sql",
            "R_x.sql | a repeatable script takes nothing between 'R' and '__'",
            "afterMigrateNow.sql | a callback script takes nothing between 'afterMigrate' and '__'",
            "create_tables.sql | it does not start with V (versioned), U (undo), R (repeatable) or a Flyway callback" })
    void flagsNamesThatLookLikeScriptsButAreNot(String fileName, String problem) {
        ScriptName name = this.naming.parse(fileName);
        assertThat(name.kind()).isEqualTo(Kind.SUSPICIOUS);
        assertThat(name.problem()).contains(problem);
        assertThat(name.isMigration()).isFalse();
    }

    @Test
    void prefersTheLongestMatchingPrefix() {
        assertThat(this.naming.parse("afterMigrateError.sql").event()).isEqualTo("afterMigrateError");
        assertThat(this.naming.parse("afterEachMigrateError__x.sql").event()).isEqualTo("afterEachMigrateError");
        ScriptNaming overlapping = new ScriptNaming(new ScriptNames("M", "U", "MR", "__", List.of(".sql")));
        assertThat(overlapping.parse("MR__x.sql").kind()).isEqualTo(Kind.REPEATABLE);
        assertThat(overlapping.parse("M1__x.sql").kind()).isEqualTo(Kind.VERSIONED);
    }

    @Test
    void usesConfiguredPrefixesSeparatorAndSuffixes() {
        ScriptNaming custom = new ScriptNaming(new ScriptNames("Mig", "Undo", "Rep", "-", List.of(".ddl", ".sql")));
        assertThat(custom.parse("Mig1.2-add_x.ddl")).extracting(ScriptName::kind, ScriptName::version,
                ScriptName::description)
            .containsExactly(Kind.VERSIONED, "1.2", "add x");
        assertThat(custom.parse("Undo1.2-add_x.sql").kind()).isEqualTo(Kind.UNDO);
        assertThat(custom.parse("Rep-views.sql").kind()).isEqualTo(Kind.REPEATABLE);
        assertThat(custom.parse("beforeMigrate-x.ddl").kind()).isEqualTo(Kind.CALLBACK);
        assertThat(custom.parse("V1__x.sql").kind()).isEqualTo(Kind.SUSPICIOUS);
        assertThat(custom.parse("Mig1__x.sql").problem()).contains("no '-' between the version and the description");
        assertThat(custom.parse("Mig1-x.txt").kind()).isEqualTo(Kind.NOT_A_MIGRATION);

    }

    @Test
    void hasFlywaysDefaults() {
        assertThat(ScriptNaming.defaults().names()).extracting(ScriptNames::versionedPrefix, ScriptNames::undoPrefix,
                ScriptNames::repeatablePrefix, ScriptNames::separator, ScriptNames::suffixes)
            .containsExactly("V", "U", "R", "__", List.of(".sql"));
    }

    @Test
    void refusesEmptySettings() {
        assertThatExceptionOfType(MigrationException.class)
            .isThrownBy(() -> new ScriptNames("V", "U", "R", "", List.of(".sql")))
            .withMessageContaining("cairn.sql-migration-separator");
        assertThatExceptionOfType(MigrationException.class)
            .isThrownBy(() -> new ScriptNames("V", "U", "R", "__", List.of()))
            .withMessageContaining("cairn.sql-migration-suffixes");
        assertThatExceptionOfType(MigrationException.class)
            .isThrownBy(() -> new ScriptNames("", "U", "R", "__", List.of(".sql")))
            .withMessageContaining("cairn.sql-migration-prefix");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", ".", "1.", ".1", "1..2", "1._2", "1a", "a", "1-2", "+1", "-1", "1 2", "١" })
    void refusesTextThatIsNotAVersion(String text) {
        assertThat(ScriptNaming.isVersion(text)).isFalse();
    }

}
