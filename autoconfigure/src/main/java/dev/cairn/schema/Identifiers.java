package dev.cairn.schema;

/**
 * Checks the names that steps put into SQL, so that a step can never carry an injected statement.
 */
final class Identifiers {

    private Identifiers() {
    }

    static String check(String name, String what) {
        if (!plain(name)) {
            throw new IllegalArgumentException("The " + what + " name '" + name + "' is not a plain SQL identifier:"
                    + " use letters, digits, '_' and '$', starting with a letter or '_', at most 63 characters");
        }
        return name;
    }

    /** Whether a name is {@code [A-Za-z_][A-Za-z0-9_$]{0,62}}, checked without a regular expression: a start with a
     * thousand schema migrations checks many thousands of names, most of them before the JIT compiles anything. */
    private static boolean plain(String name) {
        if (name == null || name.isEmpty() || name.length() > 63) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            if (!letter && (i == 0 || !((c >= '0' && c <= '9') || c == '$'))) {
                return false;
            }
        }
        return true;
    }

}
