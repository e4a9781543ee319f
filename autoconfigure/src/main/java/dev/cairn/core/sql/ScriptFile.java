package dev.cairn.core.sql;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;

/**
 * A script found below a location, not read yet.
 *
 * @param location the location it was found below, with the text as configured
 * @param relativePath its path below the location with {@code /} separators ({@code V1__x.sql},
 * {@code sub/V2__y.sql}), which is what Flyway records in {@code flyway_schema_history.script}
 * @param resource the file
 * @param name what its name says it is
 * @param config its {@code .conf} sibling ({@code V1__x.sql.conf}), if there is one
 */
public record ScriptFile(ScriptLocation location, String relativePath, Resource resource, ScriptName name,
        @Nullable Resource config) {

    /**
     * The file name without folders.
     * @return the file name, such as {@code V2__y.sql}
     */
    public String fileName() {
        return this.name.fileName();
    }

    /**
     * Where the script comes from, for messages.
     * @return the origin, such as {@code classpath:db/migration/sub/V2__y.sql}
     */
    public String origin() {
        return this.location.originOf(this.relativePath);
    }

    @Override
    public String toString() {
        return origin();
    }

}
