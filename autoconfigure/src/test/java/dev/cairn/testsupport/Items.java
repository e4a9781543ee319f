package dev.cairn.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The {@code items} table that background migration tests backfill: an amount to double into {@code doubled}, and
 * {@code touched}, which counts how often each row was processed.
 */
public final class Items {

    private Items() {
    }

    /**
     * Creates the table with the given number of rows, ids 1 to {@code rows}, not yet doubled or touched.
     * @param database the database
     * @param rows how many rows
     * @throws SQLException when the database fails
     */
    public static void create(TestDatabase database, int rows) throws SQLException {
        database.jdbc().execute("CREATE TABLE items (id INTEGER NOT NULL PRIMARY KEY, amount INTEGER NOT NULL,"
                + " doubled INTEGER, touched INTEGER DEFAULT 0 NOT NULL)");
        fill(database, 1, rows);
    }

    /**
     * Adds rows with the ids from {@code first} to {@code last}, in one transaction.
     * @param database the database
     * @param first the first id
     * @param last the last id
     * @throws SQLException when the database fails
     */
    public static void fill(TestDatabase database, int first, int last) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO items (id, amount) VALUES (?, ?)")) {
                for (int id = first; id <= last; id++) {
                    insert.setInt(1, id);
                    insert.setInt(2, id % 97);
                    insert.addBatch();
                    if (id % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    /**
     * Counts the rows that match a condition.
     * @param database the database
     * @param condition an SQL condition such as {@code touched = 1}
     * @return how many
     */
    public static int count(TestDatabase database, String condition) {
        Integer count = database.jdbc().queryForObject("SELECT COUNT(*) FROM items WHERE " + condition,
                Integer.class);
        return (count != null) ? count : -1;
    }

}
