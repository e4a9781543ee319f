package dev.cairn.core.sql;

/**
 * Reads a script token by token in one pass over its characters, knowing the quotes and comments of its syntax.
 * The lexer holds the current token's kind and bounds instead of allocating a token each time, and reads a
 * {@code char[]} rather than the string, which is faster while the JVM still interprets it at start-up.
 */
final class SqlLexer {

    private final String text;

    private final char[] chars;

    private final int limit;

    private final Lines lines;

    private final SqlSyntax syntax;

    private final boolean mysql;

    private String delimiter = ";";

    private boolean customDelimiter;

    private int position;

    private int start;

    private SqlToken token = SqlToken.END;

    SqlLexer(String text, SqlSyntax syntax) {
        this(text, text.toCharArray(), 0, text.length(), syntax);
    }

    private SqlLexer(String text, char[] chars, int from, int to, SqlSyntax syntax) {
        this.text = text;
        this.chars = chars;
        this.position = from;
        this.start = from;
        this.limit = to;
        this.lines = new Lines(chars);
        this.syntax = syntax;
        this.mysql = syntax == SqlSyntax.MYSQL;
    }

    /**
     * A lexer of its own over a part of the script already read, such as one statement, with the default delimiter.
     * @param from the start of the part
     * @param to the end of the part
     * @return the lexer
     */
    SqlLexer region(int from, int to) {
        return new SqlLexer(this.text, this.chars, from, to, this.syntax);
    }

    /**
     * Reads the next token, skipping the whitespace before it.
     * @return the kind of the token read
     */
    SqlToken next() {
        while (this.position < this.limit && SqlCharacters.isWhitespace(this.chars[this.position])) {
            this.position++;
        }
        this.start = this.position;
        this.token = read();
        return this.token;
    }

    SqlToken token() {
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

    int lineOf(int offset) {
        return this.lines.lineOf(offset);
    }

    boolean isWord(String upperCase) {
        return this.token == SqlToken.WORD && isWordAt(this.start, this.position, upperCase);
    }

    boolean isWordAt(int from, int to, String upperCase) {
        int length = upperCase.length();
        return to - from == length && this.text.regionMatches(true, from, upperCase, 0, length);
    }

    boolean isSymbol(char symbol) {
        return this.token == SqlToken.SYMBOL && this.chars[this.start] == symbol;
    }

    char firstCharacter() {
        return this.chars[this.start];
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
        while (from < this.limit && (this.chars[from] == ' ' || this.chars[from] == '\t')) {
            from++;
        }
        int to = from;
        while (to < this.limit && this.chars[to] > ' ') {
            to++;
        }
        return this.text.substring(from, to);
    }

    /**
     * Uses a new delimiter from the next line on, skipping the rest of the current line.
     * @param newDelimiter the delimiter
     */
    void changeDelimiter(String newDelimiter) {
        while (this.position < this.limit && this.chars[this.position] != '\n' && this.chars[this.position] != '\r') {
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
        while (i >= 0 && (this.chars[i] == ' ' || this.chars[i] == '\t')) {
            i--;
        }
        return i < 0 || this.chars[i] == '\n' || this.chars[i] == '\r';
    }

    private SqlToken read() {
        if (this.position >= this.limit) {
            return SqlToken.END;
        }
        char c = this.chars[this.position];
        if (c == this.delimiter.charAt(0) && isDelimiterAt(this.position)) {
            this.position += this.delimiter.length();
            return SqlToken.DELIMITER;
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
                return (this.syntax == SqlSyntax.POSTGRESQL && next == '\'') ? escapeString() : word();
            default:
                return SqlCharacters.isWordCharacter(c) ? word() : symbol();
        }
    }

    private boolean isDelimiterAt(int index) {
        return this.delimiter.length() == 1 || this.text.startsWith(this.delimiter, index);
    }

    private SqlToken symbol() {
        this.position++;
        return SqlToken.SYMBOL;
    }

    private SqlToken word() {
        char delimiterStart = this.delimiter.charAt(0);
        this.position++;
        while (this.position < this.limit) {
            char c = this.chars[this.position];
            if (!SqlCharacters.isWordCharacter(c) || (this.customDelimiter && c == delimiterStart && isDelimiterAt(this.position))) {
                break;
            }
            this.position++;
        }
        return SqlToken.WORD;
    }

    private SqlToken quoted(char quote, boolean backslashEscapes, String what) {
        int i = this.position + 1;
        while (i < this.limit) {
            char c = this.chars[i];
            if (c == quote) {
                if (charAt(i + 1) != quote) {
                    this.position = i + 1;
                    return SqlToken.QUOTED;
                }
                i += 2;
            }
            else {
                i += (backslashEscapes && c == '\\') ? 2 : 1;
            }
        }
        throw unterminated(what);
    }

    private SqlToken escapeString() {
        this.position++;
        return quoted('\'', true, "string literal");
    }

    private SqlToken bracketed() {
        int close = this.text.indexOf(']', this.position + 1);
        if (close < 0 || close >= this.limit) {
            throw unterminated("quoted identifier");
        }
        this.position = close + 1;
        return SqlToken.QUOTED;
    }

    private SqlToken lineComment() {
        while (this.position < this.limit && this.chars[this.position] != '\n' && this.chars[this.position] != '\r') {
            this.position++;
        }
        return SqlToken.COMMENT;
    }

    private SqlToken blockComment() {
        boolean nested = this.syntax == SqlSyntax.POSTGRESQL || this.syntax == SqlSyntax.H2;
        boolean executable = this.mysql && (charAt(this.position + 2) == '!'
                || (charAt(this.position + 2) == 'M' && charAt(this.position + 3) == '!'));
        int depth = 1;
        int i = this.position + 2;
        while (i < this.limit - 1) {
            char c = this.chars[i];
            if (c == '*' && this.chars[i + 1] == '/') {
                i += 2;
                if (--depth == 0) {
                    this.position = i;
                    return executable ? SqlToken.EXECUTABLE_COMMENT : SqlToken.COMMENT;
                }
            }
            else if (nested && c == '/' && this.chars[i + 1] == '*') {
                depth++;
                i += 2;
            }
            else {
                i++;
            }
        }
        throw unterminated("block comment");
    }

    /**
     * A PostgreSQL dollar quote ({@code $$} or {@code $tag$}; H2 has only {@code $$}), or else a word such as the
     * parameter {@code $1}.
     */
    private SqlToken dollar(char next) {
        boolean tagged = this.syntax == SqlSyntax.POSTGRESQL;
        if (!(tagged || this.syntax == SqlSyntax.H2) || !(next == '$' || (tagged && SqlCharacters.isTagStart(next)))) {
            return word();
        }
        int tagEnd = this.position + 1;
        while (tagEnd < this.limit && this.chars[tagEnd] != '$') {
            if (!SqlCharacters.isTagCharacter(this.chars[tagEnd])) {
                return word();
            }
            tagEnd++;
        }
        if (tagEnd >= this.limit) {
            return word();
        }
        String tag = this.text.substring(this.position, tagEnd + 1);
        int close = this.text.indexOf(tag, tagEnd + 1);
        if (close < 0 || close + tag.length() > this.limit) {
            int line = this.lines.lineOf(this.start);
            throw new SqlScriptException("unterminated dollar quote " + tag + " that starts at line " + line, line);
        }
        this.position = close + tag.length();
        return SqlToken.QUOTED;
    }

    private SqlScriptException unterminated(String what) {
        int line = this.lines.lineOf(this.start);
        return new SqlScriptException("unterminated " + what + " that starts at line " + line, line);
    }

    private char charAt(int index) {
        return (index < this.limit) ? this.chars[index] : '\0';
    }

}
