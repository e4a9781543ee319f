package dev.cairn.core.sql;

/**
 * The compound statements of a MariaDB or MySQL trigger, procedure, function or event written without a
 * {@code DELIMITER} change: {@code BEGIN ... END}, {@code IF ... END IF}, {@code CASE ... END [CASE]},
 * {@code LOOP}, {@code WHILE}, {@code REPEAT} and MariaDB's {@code FOR}, each closed by its own {@code END}; also
 * MariaDB's {@code BEGIN NOT ATOMIC ... END} outside a routine. A bare {@code BEGIN;} starts a transaction, not a
 * block.
 */
final class MySqlBlocks extends BlockTracker {

    private static final String[] STATEMENT_OPENERS = { "BEGIN", "THEN", "ELSE", "DO", "LOOP", "REPEAT" };

    private static final String[] CLOSED_BY_END = { "IF", "CASE", "LOOP", "WHILE", "REPEAT", "FOR" };

    private Header header = Header.START;

    private int depth;

    private int parentheses;

    private boolean afterEnd;

    private IfState pendingIf = IfState.NONE;

    private boolean pendingRepeat;

    /** The parentheses depth just outside the {@code (} that follows an {@code IF}, or -1. */
    private int ifParentheses = -1;

    private boolean ifComma;

    MySqlBlocks(SqlLexer lexer) {
        super(lexer);
    }

    @Override
    boolean open() {
        return this.depth > 0;
    }

    @Override
    boolean atTopLevel() {
        return this.depth == 0 && this.parentheses == 0;
    }

    @Override
    void token(int index) {
        if (this.header == Header.ROUTINE) {
            readBody();
            return;
        }
        if (this.lexer.isSymbol('(')) {
            this.parentheses++;
        }
        else if (this.lexer.isSymbol(')')) {
            this.parentheses = Math.max(0, this.parentheses - 1);
        }
        if (this.header != Header.OTHER) {
            this.header = readHeader();
        }
    }

    private Header readHeader() {
        switch (this.header) {
            case START:
                return this.lexer.isWord("CREATE") ? Header.CREATE
                        : this.lexer.isWord("BEGIN") ? Header.BEGIN : Header.OTHER;
            case BEGIN:
                if (this.lexer.isWord("NOT")) {
                    this.depth = 1;
                    return Header.ROUTINE;
                }
                return Header.OTHER;
            case DEFINER:
                return this.lexer.isSymbol('=') ? Header.DEFINER_USER : Header.OTHER;
            case DEFINER_USER:
                return Header.AFTER_DEFINER_USER;
            case AFTER_DEFINER_USER:
                if (this.lexer.isSymbol('@')) {
                    return Header.DEFINER_HOST;
                }
                return this.lexer.isSymbol('(') ? Header.DEFINER_PARENTHESES : afterCreate();
            case DEFINER_HOST:
                return Header.CREATE;
            case DEFINER_PARENTHESES:
                return this.lexer.isSymbol(')') ? Header.CREATE : Header.OTHER;
            default:
                return afterCreate();
        }
    }

    private Header afterCreate() {
        SqlLexer lexer = this.lexer;
        if (lexer.isWord("OR") || lexer.isWord("REPLACE") || lexer.isWord("AGGREGATE")) {
            return Header.CREATE;
        }
        if (lexer.isWord("DEFINER")) {
            return Header.DEFINER;
        }
        boolean routine = lexer.isWord("TRIGGER") || lexer.isWord("PROCEDURE") || lexer.isWord("FUNCTION")
                || lexer.isWord("EVENT");
        return routine ? Header.ROUTINE : Header.OTHER;
    }

    private void readBody() {
        SqlLexer lexer = this.lexer;
        if (this.afterEnd) {
            this.afterEnd = false;
            if (isAnyOf(CLOSED_BY_END)) {
                return;
            }
        }
        if (this.pendingIf != IfState.NONE) {
            readAfterIf();
        }
        if (this.pendingRepeat) {
            this.pendingRepeat = false;
            if (!lexer.isSymbol('(')) {
                this.depth++;
            }
        }
        if (lexer.isSymbol('(')) {
            this.parentheses++;
        }
        else if (lexer.isSymbol(')')) {
            closeParenthesis();
        }
        else if (lexer.isSymbol(',')) {
            this.ifComma = this.ifComma || (this.ifParentheses >= 0 && this.parentheses == this.ifParentheses + 1);
        }
        else {
            readWord();
        }
    }

    /**
     * Tells an {@code IF} statement from the {@code IF [NOT] EXISTS} of a DDL statement, which names an object, and
     * from the {@code IF(a, b, c)} function.
     */
    private void readAfterIf() {
        SqlLexer lexer = this.lexer;
        IfState state = this.pendingIf;
        this.pendingIf = IfState.NONE;
        if (state == IfState.AFTER_IF && lexer.isSymbol('(')) {
            this.ifParentheses = this.parentheses;
            this.ifComma = false;
        }
        else if (state != IfState.AFTER_EXISTS && lexer.isWord("NOT")) {
            this.pendingIf = IfState.AFTER_NOT;
        }
        else if (state != IfState.AFTER_EXISTS && lexer.isWord("EXISTS")) {
            this.pendingIf = IfState.AFTER_EXISTS;
        }
        else if (state != IfState.AFTER_EXISTS || lexer.isSymbol('(')) {
            this.depth++;
        }
    }

    /**
     * An {@code IF} followed by {@code (} is the {@code IF(a, b, c)} function when the parentheses hold commas, and
     * an {@code IF (condition) THEN} statement otherwise; no delimiter can come before the {@code )} that decides.
     */
    private void closeParenthesis() {
        this.parentheses = Math.max(0, this.parentheses - 1);
        if (this.ifParentheses >= 0 && this.parentheses == this.ifParentheses) {
            if (!this.ifComma) {
                this.depth++;
            }
            this.ifParentheses = -1;
        }
    }

    private void readWord() {
        SqlLexer lexer = this.lexer;
        if (lexer.isWord("CASE") || lexer.isWord("LOOP") || lexer.isWord("WHILE")) {
            this.depth++;
        }
        else if (lexer.isWord("BEGIN")) {
            this.depth += keywordPosition() ? 1 : 0;
        }
        else if (lexer.isWord("IF")) {
            // An IF inside the parentheses after another IF is a function: statements cannot stand there.
            this.pendingIf = (this.ifParentheses < 0) ? IfState.AFTER_IF : IfState.NONE;
        }
        else if (lexer.isWord("REPEAT")) {
            this.pendingRepeat = true;
        }
        else if (lexer.isWord("FOR")) {
            this.depth += statementStart(STATEMENT_OPENERS) ? 1 : 0;
        }
        else if (lexer.isWord("END") && this.depth > 0 && keywordPosition()) {
            this.depth--;
            this.afterEnd = true;
        }
    }

    private boolean isAnyOf(String[] words) {
        for (String word : words) {
            if (this.lexer.isWord(word)) {
                return true;
            }
        }
        return false;
    }

    @Override
    void clear() {
        this.header = Header.START;
        this.depth = 0;
        this.parentheses = 0;
        this.afterEnd = false;
        this.pendingIf = IfState.NONE;
        this.pendingRepeat = false;
        this.ifParentheses = -1;
        this.ifComma = false;
    }

    /**
     * How far the words after an {@code IF} have been read.
     */
    private enum IfState {

        NONE, AFTER_IF, AFTER_NOT, AFTER_EXISTS

    }

    /**
     * How far the start of the statement has been read.
     */
    private enum Header {

        START, CREATE, BEGIN, DEFINER, DEFINER_USER, AFTER_DEFINER_USER, DEFINER_HOST, DEFINER_PARENTHESES,

        /** A trigger, routine, event or anonymous block: blocks are followed. */
        ROUTINE,

        /** Any other statement, which the delimiter ends. */
        OTHER

    }

}
