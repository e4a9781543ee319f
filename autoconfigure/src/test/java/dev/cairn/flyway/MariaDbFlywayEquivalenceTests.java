package dev.cairn.flyway;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Flyway and Cairn on MariaDB, each in a database of its own: a procedure and a function between
 * {@code DELIMITER} lines, a trigger with a compound body, checks, foreign keys and a view.
 */
class MariaDbFlywayEquivalenceTests extends AbstractFlywayEquivalenceTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.mariadb();
    }

    @Override
    protected void writeScripts(Path folder) throws IOException {
        script(folder, "V1__create_tables.sql", """
                CREATE TABLE customers (
                    id BIGINT AUTO_INCREMENT PRIMARY KEY,
                    email VARCHAR(200) NOT NULL,
                    name VARCHAR(100) NOT NULL DEFAULT 'anonymous',
                    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                    CONSTRAINT customers_email UNIQUE (email),
                    CONSTRAINT customers_email_has_at CHECK (LOCATE('@', email) > 1)
                ) ENGINE = InnoDB;
                CREATE TABLE orders (
                    id BIGINT AUTO_INCREMENT PRIMARY KEY,
                    customer_id BIGINT NOT NULL,
                    total DECIMAL(10, 2) NOT NULL CHECK (total >= 0),
                    status VARCHAR(20) NOT NULL DEFAULT '${status_default}',
                    updated_at DATETIME(3) NULL,
                    CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE,
                    INDEX orders_status (status, updated_at)
                ) ENGINE = InnoDB COMMENT = 'One row per order; it''s what customers pay';
                """);
        script(folder, "V1_1__routines.sql", """
                DELIMITER //
                CREATE PROCEDURE add_customer(IN p_email VARCHAR(200), IN p_name VARCHAR(100))
                BEGIN
                    INSERT INTO customers (email, name) VALUES (p_email, p_name);
                    SELECT LAST_INSERT_ID() AS id;
                END //

                CREATE FUNCTION customer_total(p_customer BIGINT) RETURNS DECIMAL(10, 2)
                    READS SQL DATA
                BEGIN
                    DECLARE result DECIMAL(10, 2);
                    SELECT COALESCE(SUM(total), 0) INTO result FROM orders WHERE customer_id = p_customer;
                    RETURN result;
                END //
                DELIMITER ;

                CALL add_customer('${admin_email}', 'Admin; the first');
                """);
        script(folder, "V2.0__touch_trigger.sql", """
                DELIMITER $$
                CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW
                BEGIN
                    SET NEW.updated_at = NOW(3);
                    IF NEW.total < 0 THEN
                        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'total must not be negative; it was';
                    END IF;
                END$$
                DELIMITER ;
                """);
        script(folder, "R__customer_totals.sql", """
                CREATE OR REPLACE VIEW customer_totals AS
                    SELECT c.id, c.email, customer_total(c.id) AS total FROM customers c;
                """);
    }

    @Override
    protected List<String> catalog(JdbcTemplate jdbc) {
        return SchemaCatalog.mariadb(jdbc);
    }

    @Override
    protected List<String> createdObjects() {
        return List.of("customers_email_has_at", "orders_customer", "add_customer", "customer_total",
                "orders_touch", "orders_status", "customer_totals", "One row per order");
    }

}
