package dev.cairn.core.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One object of a schema snapshot, a table, column, primary key, index or foreign key, with the attributes that
 * define it, such as a column's type, nullability and default.
 *
 * @param kind the kind, such as {@code column}
 * @param table the table it belongs to, lower case where the database folds names
 * @param name its name within the schema, such as {@code todos.priority}
 * @param attributes its attributes in their canonical order, such as {@code type=INTEGER}
 */
public record SchemaObject(Kind kind, String table, String name, Map<String, String> attributes) {

    public SchemaObject {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /**
     * How the object is named in messages and in the snapshot text: {@code column todos.priority}.
     * @return the key, unique within a snapshot
     */
    public String key() {
        return this.kind.word() + " " + this.name;
    }

    /**
     * The object's line in the snapshot text: its key, then its attributes, separated by tabs.
     * @return the line, without a line break
     */
    String line() {
        return line(key());
    }

    /**
     * The object's line, its key already made.
     * @param key the {@link #key()}
     * @return the line
     */
    String line(String key) {
        StringBuilder line = new StringBuilder(escape(key));
        for (Map.Entry<String, String> attribute : this.attributes.entrySet()) {
            line.append('\t').append(escape(attribute.getKey())).append('=').append(escape(attribute.getValue()));
        }
        return line.toString();
    }

    /**
     * Reads a line written by {@link #line()}.
     * @param line the line
     * @return the object
     * @throws IllegalArgumentException when the line is not one
     */
    static SchemaObject parse(String line) {
        String[] parts = line.split("\t", -1);
        String key = unescape(parts[0]);
        for (Kind kind : Kind.values()) {
            if (key.startsWith(kind.word() + " ")) {
                String name = key.substring(kind.word().length() + 1);
                Map<String, String> attributes = new LinkedHashMap<>();
                for (int i = 1; i < parts.length; i++) {
                    int equals = parts[i].indexOf('=');
                    if (equals < 0) {
                        throw new IllegalArgumentException("No attribute=value in '" + parts[i] + "'");
                    }
                    attributes.put(unescape(parts[i].substring(0, equals)), unescape(parts[i].substring(equals + 1)));
                }
                return new SchemaObject(kind, kind.tableOf(name), name, attributes);
            }
        }
        throw new IllegalArgumentException("Not a schema object: '" + line + "'");
    }

    private static String escape(String text) {
        if (!needsEscape(text)) {
            return text;
        }
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    // The JDK's indexOf, compiled long before a start gets here, rather than a loop of Cairn's own.
    private static boolean needsEscape(String text) {
        return text.indexOf('\\') >= 0 || text.indexOf('\t') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
    }

    private static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                plain.append((next == 't') ? '\t' : (next == 'n') ? '\n' : (next == 'r') ? '\r' : next);
            }
            else {
                plain.append(c);
            }
        }
        return plain.toString();
    }

    /**
     * The kinds of object, in the order a table's objects are listed.
     */
    public enum Kind {

        /** A table: {@code table todos}. */
        TABLE("table"),

        /** A column: {@code column todos.priority}. */
        COLUMN("column"),

        /** A table's primary key: {@code primary key todos}. */
        PRIMARY_KEY("primary key"),

        /** An index, unique ones included, named with its table: {@code index todos.todos_by_priority}. */
        INDEX("index"),

        /** A foreign key, named by its table and columns: {@code foreign key todos(user_id)}. */
        FOREIGN_KEY("foreign key");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /**
         * The kind as messages name it.
         * @return for example {@code primary key}
         */
        public String word() {
            return this.word;
        }

        String tableOf(String name) {
            return switch (this) {
                case TABLE, PRIMARY_KEY -> name;
                case COLUMN, INDEX -> name.substring(0, Math.max(name.indexOf('.'), 0));
                case FOREIGN_KEY -> name.substring(0, Math.max(name.indexOf('('), 0));
            };
        }

    }

}
