package dev.cairn.core.sql;

import java.util.Locale;

/**
 * Knows the statements that a database refuses to run inside a transaction, or ignores there. For PostgreSQL these
 * are the commands that call {@code PreventInTransactionBlock} in its sources (PostgreSQL 18), which its
 * documentation lists as "cannot be executed inside a transaction block"; for SQLite, {@code VACUUM} and the pragmas
 * that are no-ops or errors inside a transaction. Where the answer depends on the database's state (a
 * subscription's slot, a partitioned table), the statement is taken as non-transactional only if it always or
 * usually is. {@code ALTER TYPE ... ADD VALUE} has run inside a transaction since PostgreSQL 12, so it is not listed.
 */
final class NonTransactionalStatements {

    private NonTransactionalStatements() {
    }

    /**
     * Whether a statement can run inside a transaction.
     * @param statement a lexer over the statement alone
     * @param syntax the statement's syntax
     * @return whether it can
     */
    static boolean canRunInTransaction(SqlLexer statement, SqlSyntax syntax) {
        return switch (syntax) {
            case POSTGRESQL -> postgresql(new Words(statement));
            case SQLITE -> sqlite(new Words(statement));
            case MYSQL, H2, STANDARD -> true;
        };
    }

    private static boolean postgresql(Words words) {
        return switch (words.next()) {
            case "VACUUM" -> false;
            case "CREATE" -> create(words);
            case "DROP" -> drop(words);
            case "REINDEX" -> reindex(words);
            case "ALTER" -> alter(words);
            case "CLUSTER" -> cluster(words);
            case "DISCARD" -> !words.next().equals("ALL");
            case "COMMIT", "ROLLBACK" -> !words.next().equals("PREPARED");
            default -> true;
        };
    }

    private static boolean create(Words words) {
        String what = words.next();
        if (what.equals("UNIQUE")) {
            what = words.next();
        }
        if (what.equals("INDEX")) {
            return !words.next().equals("CONCURRENTLY");
        }
        // CREATE SUBSCRIPTION runs in a transaction only WITH (create_slot = false), which few scripts say.
        return !isAnyOf(what, "DATABASE", "TABLESPACE", "SUBSCRIPTION");
    }

    private static boolean drop(Words words) {
        String what = words.next();
        if (what.equals("INDEX")) {
            return !words.next().equals("CONCURRENTLY");
        }
        // DROP SUBSCRIPTION runs in a transaction only for a subscription without a replication slot.
        return !isAnyOf(what, "DATABASE", "TABLESPACE", "SUBSCRIPTION");
    }

    private static boolean reindex(Words words) {
        String what = words.next();
        if (what.equals("(")) {
            if (words.skipParenthesesContaining("CONCURRENTLY")) {
                return false;
            }
            what = words.next();
        }
        // REINDEX TABLE or INDEX of a partitioned table cannot run in one either, which the SQL does not tell.
        return !isAnyOf(what, "SCHEMA", "DATABASE", "SYSTEM") && !words.next().equals("CONCURRENTLY");
    }

    private static boolean alter(Words words) {
        switch (words.next()) {
            case "SYSTEM":
                return false;
            case "DATABASE":
                words.next();
                return !(words.next().equals("SET") && words.next().equals("TABLESPACE"));
            case "SUBSCRIPTION":
                // REFRESH, SET/ADD/DROP PUBLICATION (refreshing by default) and SET (failover | two_phase).
                words.next();
                return !words.restContainsAnyOf("REFRESH", "PUBLICATION", "FAILOVER", "TWO_PHASE");
            case "TABLE":
                return !(words.restContainsAnyOf("DETACH") && words.restContainsAnyOf("CONCURRENTLY"));
            default:
                return true;
        }
    }

    private static boolean cluster(Words words) {
        String next = words.next();
        if (next.equals("(")) {
            words.skipParenthesesContaining("VERBOSE");
            next = words.next();
        }
        if (next.equals("VERBOSE")) {
            next = words.next();
        }
        // CLUSTER without a table clusters every table, one transaction each.
        return !next.isEmpty();
    }

    private static boolean sqlite(Words words) {
        String first = words.next();
        if (first.equals("VACUUM")) {
            return false;
        }
        if (first.equals("PRAGMA")) {
            String name = words.next();
            if (words.next().equals(".")) {
                name = words.next();
            }
            return !isAnyOf(name, "FOREIGN_KEYS", "JOURNAL_MODE");
        }
        return true;
    }

    private static boolean isAnyOf(String word, String... candidates) {
        for (String candidate : candidates) {
            if (word.equals(candidate)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The tokens of a statement with comments skipped: words in upper case, symbols as themselves, {@code '} for a
     * quoted token and the empty string past the end.
     */
    private static final class Words {

        private final SqlLexer lexer;

        Words(SqlLexer lexer) {
            this.lexer = lexer;
        }

        String next() {
            SqlToken token = this.lexer.next();
            while (token == SqlToken.COMMENT) {
                token = this.lexer.next();
            }
            return switch (token) {
                case WORD -> this.lexer.text().toUpperCase(Locale.ROOT);
                case QUOTED -> "'";
                case END -> "";
                default -> this.lexer.text();
            };
        }

        /**
         * Reads on to the {@code )} that closes the {@code (} just read.
         * @param word a word to look for inside the parentheses
         * @return whether the word was there
         */
        boolean skipParenthesesContaining(String word) {
            boolean found = false;
            int depth = 1;
            while (depth > 0) {
                String next = next();
                if (next.isEmpty()) {
                    break;
                }
                depth += next.equals("(") ? 1 : next.equals(")") ? -1 : 0;
                found = found || next.equals(word);
            }
            return found;
        }

        /**
         * Reads on until one of the words, or the end.
         * @param words the words to look for
         * @return whether one of them was found
         */
        boolean restContainsAnyOf(String... words) {
            for (String next = next(); !next.isEmpty(); next = next()) {
                if (isAnyOf(next, words)) {
                    return true;
                }
            }
            return false;
        }

    }

}
