package dev.cairn.schema;

import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One of the portable column types of a declarative step, rendered by each database in its own spelling.
 *
 * @param kind the kind of type
 * @param length the length of a {@code varchar}, or 0
 * @param precision the precision of a {@code decimal}, or 0
 * @param scale the scale of a {@code decimal}, or 0
 */
public record ColumnType(Kind kind, int length, int precision, int scale) {

    /**
     * Checks the type's sizes.
     * @param kind the kind of type
     * @param length the length of a {@code varchar}
     * @param precision the precision of a {@code decimal}
     * @param scale the scale of a {@code decimal}
     */
    public ColumnType {
        if (kind == Kind.VARCHAR && length <= 0) {
            throw new IllegalArgumentException("varchar needs a length above 0, not " + length);
        }
        if (kind == Kind.DECIMAL && (precision <= 0 || scale < 0 || scale > precision)) {
            throw new IllegalArgumentException("decimal(" + precision + ", " + scale + ") needs a precision above 0"
                    + " and a scale between 0 and the precision");
        }
    }

    static ColumnType of(Kind kind) {
        return new ColumnType(kind, 0, 0, 0);
    }

    /**
     * Whether a value of this type can be held by {@code wider} without loss: the same kind with at least its
     * size, or {@code integer} within {@code bigint}.
     * @param wider the other type
     * @return whether this type widens to {@code wider}
     */
    public boolean widensTo(ColumnType wider) {
        return switch (this.kind) {
            case VARCHAR -> (wider.kind == Kind.VARCHAR && wider.length >= this.length) || wider.kind == Kind.TEXT;
            case INTEGER -> wider.kind == Kind.INTEGER || wider.kind == Kind.BIGINT;
            case DECIMAL -> wider.kind == Kind.DECIMAL && wider.scale >= this.scale
                    && wider.precision - wider.scale >= this.precision - this.scale;
            default -> equals(wider);
        };
    }

    @Override
    public String toString() {
        String name = this.kind.name().toLowerCase(Locale.ROOT);
        return switch (this.kind) {
            case VARCHAR -> name + "(" + this.length + ")";
            case DECIMAL -> name + "(" + this.precision + "," + this.scale + ")";
            default -> name;
        };
    }

    /**
     * The portable types.
     */
    public enum Kind {

        /** Text of any length. */
        TEXT,

        /** Text of at most a given length. */
        VARCHAR,

        /** A 32-bit integer. */
        INTEGER,

        /** A 64-bit integer. */
        BIGINT,

        /** A boolean. */
        BOOLEAN,

        /** An exact decimal number of a given precision and scale. */
        DECIMAL,

        /** A date without time. */
        DATE,

        /** A date and time without time zone. */
        TIMESTAMP,

        /** A UUID. */
        UUID,

        /** A JSON document. */
        JSON,

        /** Binary data. */
        BLOB

    }

    // Written out rather than left to the record: the generated one is linked through invokedynamic on its first
    // call, which costs a fresh JVM tens of milliseconds, and every start with a declared schema compares columns.
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof ColumnType type && this.kind == type.kind && this.length == type.length
                && this.precision == type.precision && this.scale == type.scale;
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.kind, this.length, this.precision, this.scale);
    }
}
