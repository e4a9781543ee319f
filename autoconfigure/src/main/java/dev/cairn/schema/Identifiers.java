package dev.cairn.schema;

import java.util.regex.Pattern;

/**
 * Checks the names that steps put into SQL, so that a step can never carry an injected statement.
 */
final class Identifiers {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");

    private Identifiers() {
    }

    static String check(String name, String what) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("The " + what + " name '" + name + "' is not a plain SQL identifier:"
                    + " use letters, digits, '_' and '$', starting with a letter or '_', at most 63 characters");
        }
        return name;
    }

}
