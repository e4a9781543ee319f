package dev.cairn.core.sql;

/**
 * Tells the 1-based line of a position in a script, counting {@code \n}, {@code \r\n} and a lone {@code \r} as one
 * line break each. Positions are asked for in increasing order, so each character is counted once.
 */
final class Lines {

    private final String text;

    private int counted;

    private int line = 1;

    Lines(String text) {
        this.text = text;
    }

    int lineOf(int position) {
        if (position < this.counted) {
            this.counted = 0;
            this.line = 1;
        }
        for (int i = this.counted; i < position; i++) {
            char c = this.text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= this.text.length() || this.text.charAt(i + 1) != '\n'))) {
                this.line++;
            }
        }
        this.counted = position;
        return this.line;
    }

}
