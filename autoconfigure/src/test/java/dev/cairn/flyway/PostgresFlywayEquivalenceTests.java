package dev.cairn.flyway;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Flyway and Cairn on PostgreSQL, each in a schema of its own: dollar-quoted functions, a trigger, a DO block, a
 * view and an index built concurrently.
 */
class PostgresFlywayEquivalenceTests extends AbstractFlywayEquivalenceTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.postgres();
    }

    @Override
    protected void writeScripts(Path folder) throws IOException {
        script(folder, "V1__create_tables.sql", """
                CREATE TABLE customers (
                    id BIGSERIAL PRIMARY KEY,
                    email VARCHAR(200) NOT NULL UNIQUE,
                    name TEXT NOT NULL DEFAULT 'anonymous',
                    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
                    CONSTRAINT customers_email_has_at CHECK (position('@' in email) > 1)
                );
                CREATE TABLE orders (
                    id BIGSERIAL PRIMARY KEY,
                    customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
                    total NUMERIC(10, 2) NOT NULL CHECK (total >= 0),
                    status VARCHAR(20) NOT NULL DEFAULT '${status_default}',
                    updated_at TIMESTAMPTZ
                );
                CREATE INDEX orders_customer ON orders (customer_id);
                COMMENT ON TABLE orders IS 'One row per order; it''s what customers pay';
                """);
        script(folder, "V1_1__touch_trigger.sql", """
                -- The function's body has semicolons of its own.
                CREATE FUNCTION touch_updated_at() RETURNS trigger AS $$
                BEGIN
                    NEW.updated_at := now();
                    RETURN NEW;
                END;
                $$ LANGUAGE plpgsql;

                CREATE TRIGGER orders_touch BEFORE UPDATE ON orders
                    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
                """);
        script(folder, "V2.0__customer_total.sql", """
                CREATE FUNCTION customer_total(customer BIGINT) RETURNS NUMERIC
                    LANGUAGE sql STABLE
                    AS $body$ SELECT coalesce(sum(total), 0) FROM orders WHERE customer_id = customer; $body$;

                DO $$
                BEGIN
                    INSERT INTO customers (email, name) VALUES ('${admin_email}', 'Admin; the first');
                END
                $$;
                """);
        script(folder, "V3__index_concurrently.sql", """
                CREATE INDEX CONCURRENTLY orders_status ON orders (status);
                """);
        script(folder, "R__customer_totals.sql", """
                CREATE OR REPLACE VIEW customer_totals AS
                    SELECT c.id, c.email, customer_total(c.id) AS total FROM customers c;
                """);
    }

    @Override
    protected FluentConfiguration configure(FluentConfiguration flyway) {
        // Flyway's default lock on PostgreSQL is a transaction on its history table's connection, and CREATE INDEX
        // CONCURRENTLY waits for every open transaction to end: it waits forever. Session locks avoid that
        // (spring.flyway.postgresql.transactional-lock=false).
        return flyway.configuration(Map.of("flyway.postgresql.transactional.lock", "false"));
    }

    @Override
    protected List<String> catalog(JdbcTemplate jdbc) {
        return SchemaCatalog.postgres(jdbc);
    }

    @Override
    protected List<String> createdObjects() {
        return List.of("customers_email_has_at", "orders_customer_id_fkey", "orders_touch", "touch_updated_at",
                "customer_total", "orders_status", "customer_totals", "One row per order");
    }

}
