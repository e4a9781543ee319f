package dev.cairn.core.sql;

/**
 * Follows the blocks of the statement being read, such as a trigger body between {@code BEGIN} and {@code END}, so
 * that a delimiter inside a block does not end the statement. One subclass per syntax that has such blocks; it is
 * shown every token of a statement but comments, the delimiters inside it included.
 */
abstract class BlockTracker {

    private static final String[] CLAUSE_WORDS = { "SELECT", "SET", "WHERE", "AND", "OR", "BY", "ON" };

    final SqlLexer lexer;

    private int count;

    private SqlToken previous = SqlToken.END;

    private int previousStart;

    private int previousEnd;

    private char previousSymbol;

    BlockTracker(SqlLexer lexer) {
        this.lexer = lexer;
    }

    static BlockTracker of(SqlSyntax syntax, SqlLexer lexer) {
        return switch (syntax) {
            case SQLITE -> new SqliteBlocks(lexer);
            case POSTGRESQL -> new PostgresBlocks(lexer);
            case MYSQL -> new MySqlBlocks(lexer);
            case H2, STANDARD -> new NoBlocks(lexer);
        };
    }

    /**
     * Takes the lexer's current token, one of the statement's, into account.
     */
    final void accept() {
        token(this.count++);
        this.previous = this.lexer.token();
        this.previousStart = this.lexer.start();
        this.previousEnd = this.lexer.end();
        this.previousSymbol = (this.previous == SqlToken.SYMBOL) ? this.lexer.firstCharacter() : '\0';
    }

    /**
     * Whether the statement is inside a block, where a delimiter does not end it.
     * @return whether a block is open
     */
    abstract boolean open();

    /**
     * Whether the statement is outside any block and parentheses, where a MySQL {@code DELIMITER} line may end it.
     * @return whether the statement is at its top level
     */
    boolean atTopLevel() {
        return !open();
    }

    /**
     * Forgets the statement, ready for the next one.
     */
    final void reset() {
        this.count = 0;
        this.previous = SqlToken.END;
        clear();
    }

    /**
     * Takes the lexer's current token into account.
     * @param index the token's index in the statement, from 0
     */
    abstract void token(int index);

    abstract void clear();

    /**
     * Whether the current word stands where a keyword can, rather than where only a name can: {@code END} is a
     * column in {@code SET end = 1}, {@code new.end} and {@code (start, end)}, where no block can end. After a
     * closing bracket, a label's {@code :} or a {@code ;} a keyword can stand; after any other symbol only a name.
     * @return whether the word can be a keyword
     */
    final boolean keywordPosition() {
        if (this.previous == SqlToken.SYMBOL) {
            char symbol = this.previousSymbol;
            return symbol == ')' || symbol == ']' || symbol == '}' || symbol == ':' || symbol == ';';
        }
        return !previousIsAnyOf(CLAUSE_WORDS);
    }

    /**
     * Whether the current word starts a statement inside a compound statement.
     * @param openers the words after which a statement starts, such as {@code BEGIN} or {@code THEN}
     * @return whether a statement starts here
     */
    final boolean statementStart(String... openers) {
        return this.previous == SqlToken.DELIMITER || (this.previous == SqlToken.SYMBOL && this.previousSymbol == ':')
                || previousIsAnyOf(openers);
    }

    private boolean previousIsAnyOf(String[] words) {
        if (this.previous != SqlToken.WORD) {
            return false;
        }
        for (String word : words) {
            if (this.lexer.isWordAt(this.previousStart, this.previousEnd, word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Statements of syntaxes without blocks, which the delimiter always ends.
     */
    private static final class NoBlocks extends BlockTracker {

        NoBlocks(SqlLexer lexer) {
            super(lexer);
        }

        @Override
        boolean open() {
            return false;
        }

        @Override
        void token(int index) {
        }

        @Override
        void clear() {
        }

    }

}
