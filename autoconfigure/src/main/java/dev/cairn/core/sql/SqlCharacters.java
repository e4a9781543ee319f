package dev.cairn.core.sql;

/**
 * The classes of characters in SQL text: those that separate tokens, those that make up words, and those of a
 * PostgreSQL dollar-quote tag.
 */
final class SqlCharacters {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private SqlCharacters() {
    }

    /**
     * Whether a character separates tokens: ASCII whitespace and control characters, a byte order mark, and the
     * Unicode spaces that editors leave in scripts, such as the no-break space after the last {@code ;} of
     * <a href="https://github.com/dhis2/dhis2-core/blob/master/dhis-2/dhis-support/dhis-support-db-migration/src/main/resources/org/hisp/dhis/db/migration/2.36/V2_36_20__Drop_legacy_sharing_tables.sql">DHIS2's
     * V2_36_20 migration</a>, which would otherwise be a statement of its own.
     */
    static boolean isWhitespace(char c) {
        return c <= ' ' || (c >= 0x80 && (Character.isSpaceChar(c) || c == BYTE_ORDER_MARK));
    }

    static boolean isWordCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$'
                || (c >= 0x80 && !isWhitespace(c));
    }

    static boolean isTagStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    static boolean isTagCharacter(char c) {
        return isTagStart(c) || (c >= '0' && c <= '9');
    }

}
