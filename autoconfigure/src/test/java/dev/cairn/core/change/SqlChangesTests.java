package dev.cairn.core.change;

import java.util.List;

import dev.cairn.core.change.Change.Kind;
import dev.cairn.core.sql.SqlStatement;
import dev.cairn.core.sql.SqlSyntax;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classification of SQL statements on a corpus written in each database's syntax.
 */
class SqlChangesTests {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SQLITE     | CREATE TABLE todos (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL)
            SQLITE     | CREATE INDEX IF NOT EXISTS todos_title ON todos (title)
            SQLITE     | ALTER TABLE todos ADD COLUMN priority INTEGER
            SQLITE     | ALTER TABLE todos ADD COLUMN done INTEGER NOT NULL DEFAULT 0
            SQLITE     | INSERT INTO todos (title) VALUES ('a; b')
            SQLITE     | UPDATE todos SET priority = 1 WHERE priority IS NULL
            SQLITE     | DELETE FROM todos WHERE id = 3
            SQLITE     | CREATE VIEW open_todos AS SELECT * FROM todos WHERE done = 0
            SQLITE     | PRAGMA foreign_keys = ON
            SQLITE     | VACUUM
            POSTGRESQL | CREATE INDEX CONCURRENTLY IF NOT EXISTS todos_title ON todos (title)
            POSTGRESQL | CREATE INDEX CONCURRENTLY todos_title ON todos USING btree (title)
            POSTGRESQL | ALTER TABLE todos ADD COLUMN IF NOT EXISTS tags TEXT[]
            POSTGRESQL | ALTER TABLE todos ADD COLUMN id2 BIGSERIAL NOT NULL
            POSTGRESQL | ALTER TABLE todos ALTER COLUMN title DROP NOT NULL
            POSTGRESQL | ALTER TABLE todos ALTER COLUMN priority SET DEFAULT 0
            POSTGRESQL | CREATE OR REPLACE VIEW open_todos AS SELECT * FROM todos
            POSTGRESQL | COMMENT ON COLUMN todos.title IS 'what to do'
            POSTGRESQL | GRANT SELECT ON todos TO reader
            POSTGRESQL | CREATE SEQUENCE todo_numbers
            POSTGRESQL | SET search_path TO app
            POSTGRESQL | INSERT INTO todos (title) VALUES ('x') ON CONFLICT DO NOTHING
            MYSQL      | ALTER TABLE `todos` ADD COLUMN `priority` INT NULL AFTER `title`
            MYSQL      | ALTER TABLE todos ADD INDEX todos_priority (priority)
            MYSQL      | CREATE TABLE todos (id BIGINT AUTO_INCREMENT PRIMARY KEY, title VARCHAR(200)) ENGINE=InnoDB
            MYSQL      | REPLACE INTO todos (id, title) VALUES (1, 'a')
            SQLITE     | /* notes */ CREATE TABLE notes (id INTEGER PRIMARY KEY)
            """)
    void additiveStatements(SqlSyntax syntax, String sql) {
        assertThat(SqlChanges.classify(sql, 1, syntax).kind()).isEqualTo(Kind.ADDITIVE);
        assertThat(SqlChanges.allAdditive(List.of(new SqlStatement(sql, 1, true)), syntax)).isTrue();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SQLITE     | DROP TABLE todos                                        | drops a table
            SQLITE     | DROP INDEX todos_title                                  | drops an index
            SQLITE     | ALTER TABLE todos DROP COLUMN priority                  | drops a column
            SQLITE     | ALTER TABLE todos RENAME COLUMN title TO name           | renames a column
            SQLITE     | ALTER TABLE todos RENAME TO tasks                       | renames a table
            SQLITE     | ALTER TABLE todos ADD COLUMN owner TEXT NOT NULL        | adds a NOT NULL column without a default
            SQLITE     | DELETE FROM todos                                       | deletes every row
            SQLITE     | CREATE UNIQUE INDEX todos_title ON todos (title)        | creates a unique index
            POSTGRESQL | ALTER TABLE todos ALTER COLUMN priority TYPE BIGINT     | changes a column's type
            POSTGRESQL | ALTER TABLE todos ALTER COLUMN title SET NOT NULL       | makes a column NOT NULL
            POSTGRESQL | ALTER TABLE todos ALTER COLUMN priority DROP DEFAULT    | drops a column default
            POSTGRESQL | ALTER TABLE todos ADD CONSTRAINT title_set CHECK (title <> '') | adds a constraint
            POSTGRESQL | ALTER TABLE todos ADD COLUMN a INT, DROP COLUMN b       | drops a column
            POSTGRESQL | TRUNCATE TABLE todos                                    | deletes every row
            POSTGRESQL | DROP INDEX CONCURRENTLY todos_title                     | drops an index
            MYSQL      | ALTER TABLE todos MODIFY COLUMN priority BIGINT         | redefines a column
            MYSQL      | ALTER TABLE todos CHANGE COLUMN title name VARCHAR(200) | redefines a column
            MYSQL      | RENAME TABLE todos TO tasks                             | renames a table
            MYSQL      | ALTER TABLE todos ADD UNIQUE INDEX todos_title (title)  | adds a constraint
            MYSQL      | ALTER TABLE todos ADD FOREIGN KEY (owner) REFERENCES users (id) | adds a constraint
            MYSQL      | CREATE OR REPLACE VIEW open_todos AS SELECT * FROM todos | replaces a view
            """)
    void breakingStatementsSayWhatTheyDoAndWhatToDoInstead(SqlSyntax syntax, String sql, String effect) {
        Change change = SqlChanges.classify(sql, 7, syntax);
        assertThat(change.kind()).isEqualTo(Kind.BREAKING);
        assertThat(change.what()).startsWith("statement at line 7 " + effect).endsWith(sql);
        assertThat(change.advice()).isNotBlank();
        assertThat(SqlChanges.allAdditive(List.of(new SqlStatement("INSERT INTO a VALUES (1)", 1, true),
                new SqlStatement(sql, 7, true)), syntax)).isFalse();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | DO $$ BEGIN PERFORM 1; END $$
            POSTGRESQL | CREATE TYPE mood AS ENUM ('happy', 'sad')
            POSTGRESQL | ALTER TABLE todos ALTER COLUMN priority SET DATA TYPE BIGINT
            SQLITE     | CREATE TRIGGER log_todos AFTER INSERT ON todos BEGIN INSERT INTO log VALUES (1); END
            MYSQL      | this is not sql
            """)
    void statementsTheParserCannotReadAreUnclassified(SqlSyntax syntax, String sql) {
        Change change = SqlChanges.classify(sql, 2, syntax);
        assertThat(change.kind()).isEqualTo(Kind.UNCLASSIFIED);
        assertThat(change.advice()).contains("-- cairn:breaking");
        assertThat(SqlChanges.allAdditive(List.of(new SqlStatement(sql, 2, true)), syntax)).isFalse();
    }

    @Test
    void namesEachStatementOfAScriptByItsLineWithoutItsLeadingComment() {
        List<Change> changes = SqlChanges.of(List.of(new SqlStatement("-- the table\nCREATE TABLE a (id INT)", 1, true),
                new SqlStatement("DROP TABLE b;", 4, true)), SqlSyntax.H2);
        assertThat(changes).extracting(Change::what)
            .containsExactly("statement at line 1 creates a table: CREATE TABLE a (id INT)",
                    "statement at line 4 drops a table: DROP TABLE b");
        assertThat(Change.allAdditive(changes)).isFalse();
        assertThat(SqlChanges.allAdditive(List.of(new SqlStatement("-- the table\nCREATE TABLE a (id INT)", 1, true)),
                SqlSyntax.H2)).isTrue();
    }

}
