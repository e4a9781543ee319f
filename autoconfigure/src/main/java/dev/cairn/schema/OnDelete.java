package dev.cairn.schema;

/**
 * What a foreign key does to referencing rows when the row they reference is deleted.
 */
public enum OnDelete {

    /** The delete is refused while rows reference the row (the default of SQL). */
    NO_ACTION("NO ACTION"),

    /** The delete is refused at once while rows reference the row. */
    RESTRICT("RESTRICT"),

    /** The referencing rows are deleted too. */
    CASCADE("CASCADE"),

    /** The referencing columns are set to null. */
    SET_NULL("SET NULL");

    private final String sql;

    OnDelete(String sql) {
        this.sql = sql;
    }

    /**
     * The action as SQL spells it.
     * @return the SQL
     */
    public String sql() {
        return this.sql;
    }

}
