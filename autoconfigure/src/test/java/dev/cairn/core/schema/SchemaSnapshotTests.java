package dev.cairn.core.schema;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snapshot's text as data: its order, what is normalised, and its signature.
 */
class SchemaSnapshotTests {

    @Test
    void objectsAreListedByTableThenKindThenNameWhateverOrderTheyWereReadIn() {
        SchemaSnapshot snapshot = SchemaSnapshot.builder()
            .table("t_10").column("t_10", "id", "integer", false, null)
            .table("t_1").column("t_1", "name", "text", true, null).column("t_1", "id", "integer", false, null)
            .index("t_1", "t_1_name_idx", List.of("name"), false)
            .primaryKey("t_1", List.of("id"))
            .table("t").column("t", "id", "integer", false, null)
            .build();
        assertThat(snapshot.text().lines().map((line) -> line.substring(0, line.indexOf('\t') < 0 ? line.length()
                : line.indexOf('\t'))))
            .containsExactly("table t", "column t.id", "table t_1", "column t_1.id", "column t_1.name",
                    "primary key t_1", "index t_1.t_1_name_idx", "table t_10", "column t_10.id");
    }

    @Test
    void aTableNamedWithEachOfItsColumnsIsListedOnce() {
        SchemaSnapshot snapshot = SchemaSnapshot.builder()
            .table("todos").column("todos", "id", "integer", false, null)
            .table("todos").column("todos", "title", "varchar( 20 )", true, "('x'::character varying)")
            .build();
        assertThat(snapshot.text()).isEqualTo("table todos\n"
                + "column todos.id\ttype=INTEGER\tnullable=no\n"
                + "column todos.title\ttype=VARCHAR(20)\tnullable=yes\tdefault='x'\n");
    }

    @Test
    void theSignatureIsSixteenHexDigitsThatFollowTheTextAndSurviveAParse() {
        SchemaSnapshot one = SchemaSnapshot.builder().table("a").column("a", "id", "integer", false, null).build();
        SchemaSnapshot other = SchemaSnapshot.builder().table("a").column("a", "id", "bigint", false, null).build();
        assertThat(one.hash()).matches("[0-9a-f]{16}").isNotEqualTo(other.hash());
        assertThat(SchemaSnapshot.parse(one.text()).hash()).isEqualTo(one.hash());
        assertThat(one.hash()).isEqualTo(SchemaSnapshot.builder().table("a").column("a", "id", "INTEGER", false, null)
            .build().hash());
    }

    @Test
    void namesWithTabsOrLineBreaksAreEscapedAndReadBack() {
        SchemaSnapshot snapshot = SchemaSnapshot.builder().table("a")
            .column("a", "odd\tname", "text", true, "'line\nbreak'")
            .build();
        assertThat(snapshot.text()).contains("column a.odd\\tname").contains("default='line\\nbreak'");
        assertThat(SchemaSnapshot.parse(snapshot.text())).isEqualTo(snapshot);
    }

}
