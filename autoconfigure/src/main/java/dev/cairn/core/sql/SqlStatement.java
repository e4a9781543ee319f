package dev.cairn.core.sql;

/**
 * One statement of a script, as the database should run it.
 *
 * @param sql the statement as written, from its first token to its last, without the delimiter that ends it;
 * comments inside it are kept
 * @param line the 1-based line of the statement's first token, not of a comment before it
 * @param transactional whether the statement can run inside a transaction; {@code false} for statements such as
 * PostgreSQL's {@code CREATE INDEX CONCURRENTLY} or SQLite's {@code VACUUM}
 */
public record SqlStatement(String sql, int line, boolean transactional) {

}
