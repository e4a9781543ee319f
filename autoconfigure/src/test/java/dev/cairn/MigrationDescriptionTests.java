package dev.cairn;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default description: the class's simple name in words.
 */
class MigrationDescriptionTests {

    @Test
    void isTheClassNameInWords() {
        assertThat(new AddTodoPriority().description()).isEqualTo("Add todo priority");
    }

    @Test
    void dropsAVersionPrefix() {
        assertThat(new V3_AddTodoPriority().description()).isEqualTo("Add todo priority");
    }

    @Test
    void keepsAcronyms() {
        assertThat(new ImportCSVFiles().description()).isEqualTo("Import CSV files");
    }

    @Test
    void namesAnonymousMigrationsByVersion() {
        Migration anonymous = new Migration() {
            @Override
            public long version() {
                return 7;
            }

            @Override
            public void up(MigrationContext context) {
            }
        };
        assertThat(anonymous.description()).isEqualTo("Migration 7");
    }

    static class AddTodoPriority implements Migration {

        @Override
        public long version() {
            return 3;
        }

        @Override
        public void up(MigrationContext context) {
        }

    }

    static class V3_AddTodoPriority extends AddTodoPriority {

    }

    static class ImportCSVFiles extends AddTodoPriority {

    }

}
