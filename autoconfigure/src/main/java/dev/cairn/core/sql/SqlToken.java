package dev.cairn.core.sql;

/**
 * The kind of a token of a script.
 */
enum SqlToken {

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
