package dev.cairn;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns class names such as {@code V3_AddTodoPriority} into descriptions such as "Add todo priority".
 */
final class Descriptions {

    private static final Pattern VERSION_PREFIX = Pattern.compile("^[Vv]?\\d+_+");

    private static final Pattern WORD_BOUNDARY = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|_+");

    private Descriptions() {
    }

    static String fromClass(Class<?> type, long version) {
        return fromClass(type, "Migration " + version);
    }

    static String fromClass(Class<?> type, String fallback) {
        String name = VERSION_PREFIX.matcher(type.getSimpleName()).replaceFirst("");
        if (name.isBlank() || type.isAnonymousClass() || type.isSynthetic() || name.contains("$$")) {
            return fallback;
        }
        String[] words = WORD_BOUNDARY.split(name);
        StringBuilder description = new StringBuilder(name.length() + words.length);
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            if (description.isEmpty()) {
                description.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
            else {
                boolean acronym = word.length() > 1 && word.chars().allMatch(Character::isUpperCase);
                description.append(' ').append(acronym ? word : word.toLowerCase(Locale.ROOT));
            }
        }
        return description.toString();
    }

}
