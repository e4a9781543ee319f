package dev.cairn.core.sql;

/**
 * The body of an SQLite {@code CREATE [TEMP|TEMPORARY] TRIGGER}, between {@code BEGIN} and {@code END}, whose
 * statements end with {@code ;}. {@code CASE ... END} expressions nest inside it, so their {@code END} does not end
 * the body.
 */
final class SqliteBlocks extends BlockTracker {

    private boolean create;

    private boolean temporary;

    private boolean trigger;

    private int depth;

    SqliteBlocks(SqlLexer lexer) {
        super(lexer);
    }

    @Override
    boolean open() {
        return this.depth > 0;
    }

    @Override
    void token(int index) {
        if (index < 3) {
            readHeader(index);
        }
        else if (this.trigger) {
            readBody();
        }
    }

    private void readHeader(int index) {
        if (index == 0) {
            this.create = this.lexer.isWord("CREATE");
        }
        else if (index == 1) {
            this.trigger = this.create && this.lexer.isWord("TRIGGER");
            this.temporary = this.create && (this.lexer.isWord("TEMP") || this.lexer.isWord("TEMPORARY"));
        }
        else {
            this.trigger = this.trigger || (this.temporary && this.lexer.isWord("TRIGGER"));
        }
    }

    private void readBody() {
        if (this.lexer.isWord("CASE")) {
            this.depth++;
        }
        else if (this.lexer.isWord("BEGIN") && this.depth == 0 && keywordPosition()) {
            this.depth++;
        }
        else if (this.lexer.isWord("END") && this.depth > 0 && keywordPosition()) {
            this.depth--;
        }
    }

    @Override
    void clear() {
        this.create = false;
        this.temporary = false;
        this.trigger = false;
        this.depth = 0;
    }

}
