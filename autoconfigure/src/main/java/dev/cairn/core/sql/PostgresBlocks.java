package dev.cairn.core.sql;

/**
 * What keeps a PostgreSQL statement open across a {@code ;}, as {@code psql} reads it: parentheses (the actions of a
 * {@code CREATE RULE}), and the SQL-standard body of a function or procedure, {@code BEGIN ATOMIC ... END}, with the
 * {@code CASE ... END} expressions nested in it. Unlike {@code psql}, only {@code BEGIN ATOMIC} opens a body, so a
 * parameter named {@code begin} does not; {@code END} and {@code CASE} are reserved words.
 */
final class PostgresBlocks extends BlockTracker {

    private boolean create;

    private boolean orReplace;

    private boolean routine;

    private int parentheses;

    private int depth;

    private boolean afterBegin;

    PostgresBlocks(SqlLexer lexer) {
        super(lexer);
    }

    @Override
    boolean open() {
        return this.parentheses > 0 || this.depth > 0;
    }

    @Override
    void token(int index) {
        if (this.lexer.isSymbol('(')) {
            this.parentheses++;
        }
        else if (this.lexer.isSymbol(')')) {
            this.parentheses = Math.max(0, this.parentheses - 1);
        }
        else if (index <= 3) {
            readHeader(index);
        }
        else if (this.routine) {
            readBody();
        }
    }

    private void readHeader(int index) {
        if (index == 0) {
            this.create = this.lexer.isWord("CREATE");
        }
        else if (index == 1) {
            this.orReplace = this.create && this.lexer.isWord("OR");
            this.routine = this.create && isRoutine();
        }
        else if (index == 2) {
            this.orReplace = this.orReplace && this.lexer.isWord("REPLACE");
        }
        else {
            this.routine = this.routine || (this.orReplace && isRoutine());
        }
    }

    private boolean isRoutine() {
        return this.lexer.isWord("FUNCTION") || this.lexer.isWord("PROCEDURE");
    }

    private void readBody() {
        boolean afterBegin = this.afterBegin;
        this.afterBegin = this.lexer.isWord("BEGIN");
        if (this.lexer.isWord("CASE") || (afterBegin && this.lexer.isWord("ATOMIC"))) {
            this.depth++;
        }
        else if (this.lexer.isWord("END") && this.depth > 0) {
            this.depth--;
        }
    }

    @Override
    void clear() {
        this.create = false;
        this.orReplace = false;
        this.routine = false;
        this.parentheses = 0;
        this.depth = 0;
        this.afterBegin = false;
    }

}
