package dev.cairn.core.sql;

/**
 * Reads a script token by token in one pass over its characters, knowing the quotes and comments of its syntax.
 * The lexer holds the current token's kind and bounds instead of allocating a token each time.
 */
final class SqlLexer {

    /**
     * The kind of a token.
     */
    enum Token {

        /** A keyword, an unquoted identifier, a number or a parameter such as {@code $1}. */
        WORD,

        /** A string literal, a quoted identifier or a dollar-quoted string. */
        QUOTED,

        /** Any other single character, such as {@code (} or {@code ,}. */
        SYMBOL,

        /** The delimiter that ends a statement, {@code ;} unless a MySQL {@code DELIMITER} line changed it. */
        DELIMITER,

        /** A comment, which is not part of what runs. */
        COMMENT,

        /** A MySQL {@code /*!...} comment, which the server runs. */
        EXECUTABLE_COMMENT,

        /** The end of the script. */
        END

    }

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final String text;

    private final Lines lines;

    private final SqlSyntax syntax;

    private final boolean mysql;

    private final boolean postgresql;

    private String delimiter = ";";

    private boolean customDelimiter;

    private int position;

    private int start;

    private Token token = Token.END;

    SqlLexer(String text, SqlSyntax syntax, Lines lines) {
        this.text = text;
        this.syntax = syntax;
        this.lines = lines;
        this.mysql = syntax == SqlSyntax.MYSQL;
        this.postgresql = syntax == SqlSyntax.POSTGRESQL;
    }

    /**
     * Reads the next token, skipping the whitespace before it.
     * @return the kind of the token read
     */
    Token next() {
        skipWhitespace();
        this.start = this.position;
        this.token = read();
        return this.token;
    }

    Token token() {
        return this.token;
    }

    int start() {
        return this.start;
    }

    int end() {
        return this.position;
    }

    String text() {
        return this.text.substring(this.start, this.position);
    }

    boolean isWord(String upperCase) {
        int length = upperCase.length();
        return this.token == Token.WORD && this.position - this.start == length
                && this.text.regionMatches(true, this.start, upperCase, 0, length);
    }

    boolean isWordAt(int from, int to, String upperCase) {
        int length = upperCase.length();
        return to - from == length && this.text.regionMatches(true, from, upperCase, 0, length);
    }

    char firstCharacter() {
        return this.text.charAt(this.start);
    }

    boolean isSymbol(char symbol) {
        return this.token == Token.SYMBOL && this.text.charAt(this.start) == symbol;
    }

    boolean customDelimiter() {
        return this.customDelimiter;
    }

    /**
     * The argument of a MySQL {@code DELIMITER} line whose keyword is the current token: as in the {@code mysql}
     * client, the first run of characters after it on the same line that are not whitespace.
     * @return the argument, empty if the line has none
     */
    String delimiterArgument() {
        int from = this.position;
        while (from < this.text.length() && (this.text.charAt(from) == ' ' || this.text.charAt(from) == '\t')) {
            from++;
        }
        int to = from;
        while (to < this.text.length() && this.text.charAt(to) > ' ') {
            to++;
        }
        return this.text.substring(from, to);
    }

    /**
     * Uses a new delimiter from the next line on, skipping the rest of the current line.
     * @param newDelimiter the delimiter
     */
    void changeDelimiter(String newDelimiter) {
        while (this.position < this.text.length() && this.text.charAt(this.position) != '\n'
                && this.text.charAt(this.position) != '\r') {
            this.position++;
        }
        this.delimiter = newDelimiter;
        this.customDelimiter = !newDelimiter.equals(";");
    }

    /**
     * Whether only spaces and tabs come before the current token on its line.
     * @return whether the token starts its line
     */
    boolean startsLine() {
        int i = this.start - 1;
        while (i >= 0 && (this.text.charAt(i) == ' ' || this.text.charAt(i) == '\t')) {
            i--;
        }
        return i < 0 || this.text.charAt(i) == '\n' || this.text.charAt(i) == '\r';
    }

    private void skipWhitespace() {
        int length = this.text.length();
        while (this.position < length && isWhitespace(this.text.charAt(this.position))) {
            this.position++;
        }
    }

    private Token read() {
        if (this.position >= this.text.length()) {
            return Token.END;
        }
        char c = this.text.charAt(this.position);
        if (c == this.delimiter.charAt(0) && this.text.startsWith(this.delimiter, this.position)) {
            this.position += this.delimiter.length();
            return Token.DELIMITER;
        }
        char next = charAt(this.position + 1);
        switch (c) {
            case '\'':
                return quoted('\'', this.mysql, "string literal");
            case '"':
                return this.mysql ? quoted('"', true, "string literal") : quoted('"', false, "quoted identifier");
            case '`':
                return (this.syntax == SqlSyntax.POSTGRESQL || this.syntax == SqlSyntax.STANDARD) ? symbol()
                        : quoted('`', false, "quoted identifier");
            case '[':
                return (this.syntax == SqlSyntax.SQLITE) ? bracketed() : symbol();
            case '-':
                return (next == '-' && (!this.mysql || charAt(this.position + 2) <= ' ')) ? lineComment() : symbol();
            case '#':
                return this.mysql ? lineComment() : symbol();
            case '/':
                if (next == '*') {
                    return blockComment();
                }
                return (next == '/' && this.syntax == SqlSyntax.H2) ? lineComment() : symbol();
            case '$':
                return dollar(next);
            case 'e':
            case 'E':
                return (this.postgresql && next == '\'') ? escapeString() : word();
            default:
                return isWordCharacter(c) ? word() : symbol();
        }
    }

    private Token symbol() {
        this.position++;
        return Token.SYMBOL;
    }

    private Token word() {
        int length = this.text.length();
        char delimiterStart = this.delimiter.charAt(0);
        this.position++;
        while (this.position < length) {
            char c = this.text.charAt(this.position);
            if (!isWordCharacter(c)
                    || (this.customDelimiter && c == delimiterStart && this.text.startsWith(this.delimiter, this.position))) {
                break;
            }
            this.position++;
        }
        return Token.WORD;
    }

    private Token quoted(char quote, boolean backslashEscapes, String what) {
        int length = this.text.length();
        int i = this.position + 1;
        while (i < length) {
            char c = this.text.charAt(i);
            if (c == quote) {
                if (charAt(i + 1) != quote) {
                    this.position = i + 1;
                    return Token.QUOTED;
                }
                i += 2;
            }
            else {
                i += (backslashEscapes && c == '\\') ? 2 : 1;
            }
        }
        throw unterminated(what);
    }

    private Token escapeString() {
        this.position++;
        quoted('\'', true, "string literal");
        return Token.QUOTED;
    }

    private Token bracketed() {
        int close = this.text.indexOf(']', this.position + 1);
        if (close < 0) {
            throw unterminated("quoted identifier");
        }
        this.position = close + 1;
        return Token.QUOTED;
    }

    private Token lineComment() {
        int length = this.text.length();
        while (this.position < length && this.text.charAt(this.position) != '\n'
                && this.text.charAt(this.position) != '\r') {
            this.position++;
        }
        return Token.COMMENT;
    }

    private Token blockComment() {
        boolean nested = this.syntax == SqlSyntax.POSTGRESQL || this.syntax == SqlSyntax.H2;
        boolean executable = this.mysql && (charAt(this.position + 2) == '!'
                || (charAt(this.position + 2) == 'M' && charAt(this.position + 3) == '!'));
        int length = this.text.length();
        int depth = 1;
        int i = this.position + 2;
        while (i < length - 1) {
            char c = this.text.charAt(i);
            if (c == '*' && this.text.charAt(i + 1) == '/') {
                i += 2;
                if (--depth == 0) {
                    this.position = i;
                    return executable ? Token.EXECUTABLE_COMMENT : Token.COMMENT;
                }
            }
            else if (nested && c == '/' && this.text.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            }
            else {
                i++;
            }
        }
        throw unterminated("block comment");
    }

    private Token dollar(char next) {
        boolean tagged = this.postgresql;
        boolean quotes = tagged || this.syntax == SqlSyntax.H2;
        if (!quotes || !(next == '$' || (tagged && isTagStart(next)))) {
            return word();
        }
        int tagEnd = this.position + 1;
        while (tagEnd < this.text.length() && this.text.charAt(tagEnd) != '$') {
            if (!isTagCharacter(this.text.charAt(tagEnd))) {
                return word();
            }
            tagEnd++;
        }
        if (tagEnd >= this.text.length()) {
            return word();
        }
        String tag = this.text.substring(this.position, tagEnd + 1);
        int close = this.text.indexOf(tag, tagEnd + 1);
        if (close < 0) {
            throw new SqlScriptException("unterminated dollar quote " + tag + " that starts at line "
                    + this.lines.lineOf(this.start), this.lines.lineOf(this.start));
        }
        this.position = close + tag.length();
        return Token.QUOTED;
    }

    private SqlScriptException unterminated(String what) {
        int line = this.lines.lineOf(this.start);
        return new SqlScriptException("unterminated " + what + " that starts at line " + line, line);
    }

    private char charAt(int index) {
        return (index < this.text.length()) ? this.text.charAt(index) : '\0';
    }

    /**
     * Whether a character separates tokens: ASCII whitespace and control characters, a byte order mark, and the
     * Unicode spaces that editors leave in scripts, such as the no-break space after the last {@code ;} of
     * <a href="https://github.com/dhis2/dhis2-core/blob/master/dhis-2/dhis-support/dhis-support-db-migration/src/main/resources/org/hisp/dhis/db/migration/2.36/V2_36_20__Drop_legacy_sharing_tables.sql">DHIS2's
     * V2_36_20 migration</a>, which would otherwise be a statement of its own.
     */
    private static boolean isWhitespace(char c) {
        return c <= ' ' || (c >= 0x80 && (Character.isSpaceChar(c) || c == BYTE_ORDER_MARK));
    }

    private static boolean isWordCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$'
                || (c >= 0x80 && !isWhitespace(c));
    }

    private static boolean isTagStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    private static boolean isTagCharacter(char c) {
        return isTagStart(c) || (c >= '0' && c <= '9');
    }

}
