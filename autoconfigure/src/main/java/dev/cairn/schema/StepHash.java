package dev.cairn.schema;

import java.util.List;

/**
 * The checksum of steps, computed from their parts rather than from their text: every start computes the checksum
 * of every schema migration, most of them before the JIT has compiled anything, and building each step's text cost
 * a start with a thousand of them more than reading its history. Only hashes that Java specifies are used
 * ({@link String#hashCode()}, {@link List#hashCode()}, enum names rather than enum identities), so that a checksum
 * is the same in every JVM; the steps without parts of their own here hash their full text.
 */
final class StepHash {

    private StepHash() {
    }

    static int of(List<Step> steps) {
        int hash = 1;
        for (Step step : steps) {
            hash = 31 * hash + of(step);
        }
        return mix(hash);
    }

    private static int of(Step step) {
        if (step instanceof CreateTable create) {
            Table table = create.definition();
            int hash = 31 * 0x43726561 + table.name().hashCode();
            hash = columns(hash, table.columns());
            for (Index index : table.indexes()) {
                hash = 31 * hash + index(index);
            }
            return hash;
        }
        if (step instanceof AddColumns add) {
            return columns(31 * 0x41646443 + add.table().hashCode(), add.columns());
        }
        if (step instanceof CreateIndex create) {
            return 31 * 0x496e6478 + index(create.index());
        }
        return StepText.of(step).hashCode();
    }

    private static int columns(int hash, List<Column> columns) {
        for (Column column : columns) {
            hash = 31 * hash + column(column);
        }
        return hash;
    }

    private static int column(Column column) {
        int hash = column.name().hashCode();
        ColumnType type = column.typeOrNull();
        if (type != null) {
            hash = 31 * hash + type.kind().name().hashCode();
            hash = 31 * (31 * (31 * hash + type.length()) + type.precision()) + type.scale();
        }
        int flags = (column.isNullable() ? 1 : 0) | (column.isPrimaryKey() ? 2 : 0) | (column.isUnique() ? 4 : 0)
                | (column.isIndexed() ? 8 : 0) | (column.isIdentity() ? 16 : 0) | ((type == null) ? 32 : 0);
        hash = 31 * hash + flags;
        String defaultSql = column.defaultSql();
        hash = 31 * hash + ((defaultSql != null) ? defaultSql.hashCode() : 0);
        Reference reference = column.reference();
        if (reference != null) {
            hash = 31 * (31 * (31 * hash + reference.table().hashCode()) + reference.column().hashCode())
                    + reference.onDelete().name().hashCode();
        }
        return hash;
    }

    private static int index(Index index) {
        int hash = 31 * index.name().hashCode() + index.table().hashCode();
        return 31 * (31 * hash + index.columns().hashCode()) + (index.unique() ? 1 : 0);
    }

    /** MurmurHash3's finalizer, so that a small change anywhere changes every bit. */
    private static int mix(int hash) {
        int h = hash;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

}
