package dev.cairn;

import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A {@link BackgroundMigration} that updates one table in batches over its whole-number key (usually the primary
 * key), as GitLab's batched background migrations do: each batch finds the key that ends it, then runs
 * {@code UPDATE table SET set WHERE key > cursor AND key <= end AND (where)}. Rows whose key is NULL are not visited,
 * and neither are rows inserted behind the cursor once it has passed their key: write the new value from the
 * application before the backfill starts. Immutable: each method returns a copy.
 * Made by {@link BackgroundMigration#update(String, String)}.
 */
public final class BatchedUpdate implements BackgroundMigration {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private final String id;

    private final String table;

    private final String key;

    private final @Nullable String set;

    private final @Nullable String where;

    private final @Nullable String description;

    private BatchedUpdate(String id, String table, String key, @Nullable String set, @Nullable String where,
            @Nullable String description) {
        this.id = id;
        this.table = table;
        this.key = key;
        this.set = set;
        this.where = where;
        this.description = description;
    }

    static BatchedUpdate of(String id, String table) {
        return new BatchedUpdate(id, requireName(table, "table"), "id", null, null, null);
    }

    /**
     * What the update sets, as in {@code SET}: {@code title_lower = LOWER(title)}.
     * @param assignments the assignments
     * @return a copy that sets them
     */
    public BatchedUpdate set(String assignments) {
        return new BatchedUpdate(this.id, this.table, this.key, assignments, this.where, this.description);
    }

    /**
     * Which rows to update, as in {@code WHERE}: {@code title_lower IS NULL}. Default: every row.
     * @param condition the condition
     * @return a copy that updates only the rows matching it
     */
    public BatchedUpdate where(String condition) {
        return new BatchedUpdate(this.id, this.table, this.key, this.set, condition, this.description);
    }

    /**
     * The whole-number column the batches follow in ascending order, best the primary key. Default: {@code id}.
     * @param column the column
     * @return a copy that follows it
     */
    public BatchedUpdate key(String column) {
        return new BatchedUpdate(this.id, this.table, requireName(column, "key column"), this.set, this.where,
                this.description);
    }

    /**
     * The description shown in logs and the endpoint. Default: "Update" and the table and the assignments.
     * @param description the description
     * @return a copy with it
     */
    public BatchedUpdate description(String description) {
        return new BatchedUpdate(this.id, this.table, this.key, this.set, this.where, description);
    }

    @Override
    public String id() {
        return this.id;
    }

    @Override
    public String description() {
        return (this.description != null) ? this.description : "Update " + this.table + " set " + assignments();
    }

    @Override
    public Long estimateRows(JdbcTemplate jdbc) {
        Long rows = jdbc.queryForObject("SELECT COUNT(*) FROM " + this.table + condition(null), Long.class);
        return (rows != null) ? rows : 0L;
    }

    @Override
    public BatchResult migrateBatch(BatchContext batch) {
        Long after = batch.cursorAsLong();
        JdbcTemplate jdbc = batch.jdbc();
        String from = (after != null) ? this.key + " > ?" : null;
        Object[] start = (after != null) ? new Object[] { after } : new Object[0];
        // The key that ends this batch: keyset pagination on the key's index, whatever the condition selects.
        List<Long> end = jdbc.queryForList("SELECT " + this.key + " FROM " + this.table + " WHERE "
                + ((from != null) ? from : this.key + " IS NOT NULL") + " ORDER BY " + this.key + " LIMIT 1 OFFSET "
                + (batch.batchSize() - 1), Long.class, start);
        String update = "UPDATE " + this.table + " SET " + assignments();
        if (end.isEmpty()) {
            return BatchResult.finished(jdbc.update(update + condition(from), start));
        }
        Long last = end.get(0);
        String range = ((from != null) ? from + " AND " : "") + this.key + " <= ?";
        Object[] arguments = (after != null) ? new Object[] { after, last } : new Object[] { last };
        return BatchResult.next(last, jdbc.update(update + condition(range), arguments));
    }

    private String assignments() {
        if (this.set == null) {
            throw new MigrationException("Background migration " + this.id + " updates " + this.table
                    + " but sets nothing", "Say what it sets: BackgroundMigration.update(\"" + this.id + "\", \""
                            + this.table + "\").set(\"column = expression\").");
        }
        return this.set;
    }

    private String condition(@Nullable String range) {
        if (range == null) {
            return (this.where != null) ? " WHERE " + this.where : "";
        }
        return " WHERE " + range + ((this.where != null) ? " AND (" + this.where + ")" : "");
    }

    private static String requireName(String name, String what) {
        if (!NAME.matcher(name).matches()) {
            throw new MigrationException("Invalid " + what + " '" + name + "' for a batched update",
                    "Name the " + what + " as a plain SQL identifier, optionally qualified with its schema.");
        }
        return name;
    }

}
