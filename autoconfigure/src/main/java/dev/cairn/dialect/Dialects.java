package dev.cairn.dialect;

import java.util.Locale;

/**
 * Finds the {@link Dialect} of a database from the product name its connection's metadata reports.
 */
public final class Dialects {

    private Dialects() {
    }

    /**
     * The dialect for a product name as JDBC drivers report it.
     * @param productName the product name
     * @return the dialect
     */
    public static Dialect forProductName(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.contains("sqlite")) {
            return new SqliteDialect();
        }
        if (name.contains("postgres")) {
            return new PostgresDialect();
        }
        if (name.contains("mariadb")) {
            return new MariaDbDialect("MariaDB");
        }
        if (name.contains("mysql")) {
            return new MariaDbDialect("MySQL");
        }
        if (name.equals("h2")) {
            return new H2Dialect();
        }
        return new GenericDialect(productName);
    }

}
