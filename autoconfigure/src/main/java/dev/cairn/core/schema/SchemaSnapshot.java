package dev.cairn.core.schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

import dev.cairn.core.schema.SchemaObject.Kind;
import org.jspecify.annotations.Nullable;

/**
 * A normalised, immutable picture of a schema: its tables with their columns (type, nullability, default), primary
 * keys, indexes and foreign keys. Its {@linkplain #text() text} lists one object a line in a stable order, so that
 * two databases of the same schema give the same text and {@linkplain #hash() hash} whatever order their objects
 * were created in, and {@link #differences(SchemaSnapshot)} names each object that is not the same.
 */
public final class SchemaSnapshot {


    /**
     * The order of a snapshot's objects, by table, then kind, then name, as one string per object compared by the
     * JDK's own compiled {@link String#compareTo}: a run records the snapshot of thousands of objects, mostly before the
     * JIT has compiled a comparator of Cairn's. The table and the name are separated by a character below any that a
     * name holds, so a table that is a prefix of another still sorts first.
     */
    private static String sortKey(SchemaObject object) {
        return object.table() + '\u0001' + (char) ('0' + object.kind().ordinal()) + object.name();
    }

    /**
     * The objects in the order of {@link #sortKey}, the first given of those with the same key only. A stable sort of
     * an array rather than a sorted map: readers give the objects in a few sorted runs, which it merges in linear time.
     */
    private static List<SchemaObject> sorted(Collection<SchemaObject> objects) {
        Sorted[] sorted = new Sorted[objects.size()];
        int i = 0;
        for (SchemaObject object : objects) {
            sorted[i++] = new Sorted(sortKey(object), object);
        }
        Arrays.sort(sorted);
        List<SchemaObject> result = new ArrayList<>(sorted.length);
        String previous = null;
        for (Sorted each : sorted) {
            if (!each.key.equals(previous)) {
                result.add(each.object);
                previous = each.key;
            }
        }
        return result;
    }

    private final Map<String, SchemaObject> objects;

    private final String text;

    private SchemaSnapshot(Collection<SchemaObject> objects) {
        Map<String, SchemaObject> byKey = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        for (SchemaObject object : sorted(objects)) {
            String key = object.key();
            if (byKey.putIfAbsent(key, object) == null) {
                text.append(object.line(key)).append('\n');
            }
        }
        this.objects = byKey;
        this.text = text.toString();
    }

    /**
     * Starts a snapshot, for the readers of a database's schema and for tests.
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a snapshot from its {@linkplain #text() text}, as stored.
     * @param text the text
     * @return the snapshot
     * @throws IllegalArgumentException when the text is not a snapshot's
     */
    public static SchemaSnapshot parse(String text) {
        List<SchemaObject> objects = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                objects.add(SchemaObject.parse(line));
            }
        }
        return new SchemaSnapshot(objects);
    }

    /**
     * Every object, in the order of the text: by table, then tables, columns, primary keys, indexes and foreign keys.
     * @return the objects
     */
    public Collection<SchemaObject> objects() {
        return this.objects.values();
    }

    /**
     * The tables, sorted.
     * @return their names
     */
    public Set<String> tables() {
        Set<String> tables = new TreeSet<>();
        this.objects.values().forEach((object) -> tables.add(object.table()));
        return tables;
    }

    /**
     * The object of that key, such as {@code column todos.priority}.
     * @param key the key
     * @return the object, or {@code null}
     */
    public @Nullable SchemaObject object(String key) {
        return this.objects.get(key);
    }

    /**
     * The canonical text: one line per object, its key and then its attributes separated by tabs.
     * @return the text
     */
    public String text() {
        return this.text;
    }

    /**
     * The schema's signature: a 64-bit checksum of the {@linkplain #text() text} (its CRC-32C and its CRC-32, of its
     * UTF-8 bytes), in 16 hexadecimal digits. A checksum rather than a cryptographic digest: it tells schemas apart
     * and guards against no adversary, and the JDK computes both CRCs natively where a digest of a thousand tables'
     * text would cost a run tens of milliseconds before the JIT has compiled it.
     * @return the hash
     */
    public String hash() {
        byte[] bytes = this.text.getBytes(StandardCharsets.UTF_8);
        CRC32C crc32c = new CRC32C();
        crc32c.update(bytes, 0, bytes.length);
        CRC32 crc32 = new CRC32();
        crc32.update(bytes, 0, bytes.length);
        return HexFormat.of().toHexDigits((crc32c.getValue() << 32) | crc32.getValue());
    }

    /**
     * What differs from a recorded snapshot, one line per object, such as
     * {@code column todos.priority: type INTEGER, recorded TEXT}, {@code table audit: not recorded} or
     * {@code index todos.todos_by_priority: missing}.
     * @param recorded the snapshot to compare with
     * @return the differences, empty when the schemas are the same
     */
    public List<String> differences(SchemaSnapshot recorded) {
        return differences(recorded, "recorded");
    }

    /**
     * What differs from another snapshot, one line per object: {@code column todos.priority: type INTEGER, <word>
     * TEXT}; an object only this one has is {@code not <word>}, one only the other has is {@code missing}. Objects of
     * a table that one of them lacks are not listed apart from their table.
     * @param other the snapshot to compare with
     * @param word what the other is, such as {@code recorded} or {@code in a fresh install}
     * @return the differences, empty when the schemas are the same
     */
    public List<String> differences(SchemaSnapshot other, String word) {
        Set<String> tablesHere = tables();
        Set<String> tablesThere = other.tables();
        List<SchemaObject> all = new ArrayList<>(this.objects.values());
        other.objects.values().stream().filter((object) -> !this.objects.containsKey(object.key())).forEach(all::add);
        List<String> differences = new ArrayList<>();
        for (SchemaObject object : sorted(all)) {
            boolean wholeTable = object.kind() == Kind.TABLE;
            if (!wholeTable && (!tablesHere.contains(object.table()) || !tablesThere.contains(object.table()))) {
                continue;
            }
            SchemaObject here = this.objects.get(object.key());
            SchemaObject there = other.objects.get(object.key());
            if (there == null) {
                differences.add(object.key() + ": not " + word);
            }
            else if (here == null) {
                differences.add(object.key() + ": missing");
            }
            else if (!here.attributes().equals(there.attributes())) {
                differences.add(object.key() + ": " + attributeDifferences(here, there, word));
            }
        }
        return differences;
    }

    private static String attributeDifferences(SchemaObject here, SchemaObject there, String word) {
        Set<String> attributes = new java.util.LinkedHashSet<>(here.attributes().keySet());
        attributes.addAll(there.attributes().keySet());
        List<String> parts = new ArrayList<>();
        for (String attribute : attributes) {
            String mine = here.attributes().get(attribute);
            String theirs = there.attributes().get(attribute);
            if (!Objects.equals(mine, theirs)) {
                parts.add(attribute + " " + ((mine != null) ? mine : "none") + ", " + word + " "
                        + ((theirs != null) ? theirs : "none"));
            }
        }
        return String.join("; ", parts);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return this == other || (other instanceof SchemaSnapshot that && this.text.equals(that.text));
    }

    @Override
    public int hashCode() {
        return this.text.hashCode();
    }

    @Override
    public String toString() {
        return this.text;
    }

    /**
     * Collects the objects of a snapshot, normalising what databases spell differently: types upper case with single
     * spaces, defaults without PostgreSQL's casts of literals or enclosing parentheses.
     */
    public static final class Builder {

        private final List<SchemaObject> objects = new ArrayList<>();

        private @Nullable String lastTable;

        private Builder() {
        }

        /**
         * A table; readers name it with each of its columns' rows, and a repeat of the last one adds nothing.
         * @param table its name
         * @return this builder
         */
        public Builder table(String table) {
            if (table.equals(this.lastTable)) {
                return this;
            }
            this.lastTable = table;
            return add(Kind.TABLE, table, table, Map.of());
        }

        /**
         * A column.
         * @param table its table
         * @param column its name
         * @param type its type as the database reports it
         * @param nullable whether it accepts NULL
         * @param defaultValue its default expression, or {@code null}
         * @return this builder
         */
        public Builder column(String table, String column, String type, boolean nullable,
                @Nullable String defaultValue) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("type", Normalize.type(type));
            attributes.put("nullable", nullable ? "yes" : "no");
            String normalized = Normalize.defaultValue(defaultValue);
            if (normalized != null) {
                attributes.put("default", normalized);
            }
            return add(Kind.COLUMN, table, table + "." + column, attributes);
        }

        public Builder primaryKey(String table, List<String> columns) {
            return add(Kind.PRIMARY_KEY, table, table, Map.of("columns", String.join(", ", columns)));
        }

        /**
         * An index that is not a primary key.
         * @param table its table
         * @param index its name
         * @param columns its columns or expressions, in order
         * @param unique whether it is unique
         * @return this builder
         */
        public Builder index(String table, String index, List<String> columns, boolean unique) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("columns", String.join(", ", columns));
            attributes.put("unique", unique ? "yes" : "no");
            return add(Kind.INDEX, table, table + "." + index, attributes);
        }

        /**
         * A foreign key.
         * @param table its table
         * @param columns its columns, in order
         * @param referenced the table it references
         * @param referencedColumns the columns it references
         * @param onDelete what a delete of the referenced row does, such as {@code CASCADE}
         * @return this builder
         */
        public Builder foreignKey(String table, List<String> columns, String referenced,
                List<String> referencedColumns, String onDelete) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("references", referenced + "(" + String.join(", ", referencedColumns) + ")");
            attributes.put("on delete", Normalize.type(onDelete));
            return add(Kind.FOREIGN_KEY, table, table + "(" + String.join(", ", columns) + ")", attributes);
        }

        private Builder add(Kind kind, String table, String name, Map<String, String> attributes) {
            this.objects.add(new SchemaObject(kind, table, name, attributes));
            return this;
        }

        public SchemaSnapshot build() {
            return new SchemaSnapshot(this.objects);
        }

    }

    /**
     * An object and its sort key.
     */
    private static final class Sorted implements Comparable<Sorted> {

        final String key;

        final SchemaObject object;

        Sorted(String key, SchemaObject object) {
            this.key = key;
            this.object = object;
        }

        @Override
        public int compareTo(Sorted other) {
            return this.key.compareTo(other.key);
        }

    }

}
