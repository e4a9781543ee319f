package dev.cairn.core.sql;

/**
 * Tells the 1-based line of a position in a script, counting {@code \n}, {@code \r\n} and a lone {@code \r} as one
 * line break each. Positions are mostly asked for in increasing order, so each character is counted about once.
 */
final class Lines {

    private final char[] chars;

    private int counted;

    private int line = 1;

    Lines(char[] chars) {
        this.chars = chars;
    }

    int lineOf(int position) {
        if (position < this.counted) {
            this.counted = 0;
            this.line = 1;
        }
        char[] chars = this.chars;
        int line = this.line;
        for (int i = this.counted; i < position; i++) {
            char c = chars[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= chars.length || chars[i + 1] != '\n'))) {
                line++;
            }
        }
        this.line = line;
        this.counted = position;
        return line;
    }

}
