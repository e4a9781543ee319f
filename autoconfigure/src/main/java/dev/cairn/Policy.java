package dev.cairn;

/**
 * What migrations may change once a database has applied some ({@code cairn.policy}).
 */
public enum Policy {

    /** Anything: every pending migration runs. */
    UNRESTRICTED,

    /**
     * Only additions, so that older versions of the application keep working against the schema (seed 004, Evolu's
     * append-only rule): a pending migration that drops, renames or redefines what they use, or that Cairn cannot
     * classify, is refused before anything runs, unless it declares why it breaks on purpose
     * ({@code -- cairn:breaking <reason>}, {@link Migration#breaking()}). A database without applied migrations is
     * not restricted.
     */
    APPEND_ONLY

}
