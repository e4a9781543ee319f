package dev.cairn.flyway;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Flyway and Cairn on SQLite, each in a file of its own: a trigger whose {@code BEGIN ... END} body holds several
 * statements, partial and unique indexes, checks, foreign keys and a view.
 */
class SqliteFlywayEquivalenceTests extends AbstractFlywayEquivalenceTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.sqlite(directory);
    }

    @Override
    protected void writeScripts(Path folder) throws IOException {
        script(folder, "V1__create_tables.sql", """
                CREATE TABLE customers (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    email TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL DEFAULT 'anonymous',
                    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
                    CONSTRAINT customers_email_has_at CHECK (instr(email, '@') > 1)
                );
                CREATE TABLE orders (
                    id INTEGER PRIMARY KEY,
                    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
                    total NUMERIC NOT NULL CHECK (total >= 0),
                    status TEXT NOT NULL DEFAULT '${status_default}',
                    updated_at TEXT
                );
                CREATE TABLE order_audit (order_id INTEGER NOT NULL, change TEXT NOT NULL);
                INSERT INTO customers (email, name) VALUES ('${admin_email}', 'Admin; the first');
                """);
        script(folder, "V1_1__touch_trigger.sql", """
                -- The trigger's body has semicolons of its own, and END is also a word in CASE.
                CREATE TRIGGER orders_touch AFTER UPDATE OF total, status ON orders
                FOR EACH ROW
                WHEN NEW.total <> OLD.total OR NEW.status <> OLD.status
                BEGIN
                    UPDATE orders SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
                    INSERT INTO order_audit (order_id, change)
                        VALUES (NEW.id, CASE WHEN NEW.status <> OLD.status THEN 'status' ELSE 'total' END);
                END;
                """);
        script(folder, "V2.0__indexes.sql", """
                CREATE INDEX orders_customer ON orders (customer_id);
                CREATE UNIQUE INDEX orders_one_open ON orders (customer_id) WHERE status = 'new';
                """);
        script(folder, "R__customer_totals.sql", """
                DROP VIEW IF EXISTS customer_totals;
                CREATE VIEW customer_totals AS
                    SELECT c.id, c.email, coalesce(sum(o.total), 0) AS total
                    FROM customers c LEFT JOIN orders o ON o.customer_id = c.id
                    GROUP BY c.id, c.email;
                """);
    }

    @Override
    protected List<String> catalog(JdbcTemplate jdbc) {
        return SchemaCatalog.sqlite(jdbc);
    }

    @Override
    protected List<String> createdObjects() {
        return List.of("customers_email_has_at", "orders_touch", "order_audit", "orders_one_open",
                "customer_totals", "ON DELETE CASCADE");
    }

}
