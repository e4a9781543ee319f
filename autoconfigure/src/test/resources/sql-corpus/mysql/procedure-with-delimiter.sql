CREATE TABLE orders (id INT PRIMARY KEY AUTO_INCREMENT, total DECIMAL(10, 2) NOT NULL, status VARCHAR(20));

DELIMITER //

CREATE PROCEDURE close_orders(IN max_total DECIMAL(10, 2), OUT closed INT)
BEGIN
    DECLARE done INT DEFAULT FALSE;
    DECLARE order_id INT;
    DECLARE cur CURSOR FOR SELECT id FROM orders WHERE total <= max_total;
    DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = TRUE;
    SET closed = 0;
    OPEN cur;
    read_loop: LOOP
        FETCH cur INTO order_id;
        IF done THEN
            LEAVE read_loop;
        END IF;
        UPDATE orders SET status = 'closed; for good' WHERE id = order_id;
        SET closed = closed + 1;
    END LOOP;
    CLOSE cur;
END //

CREATE FUNCTION order_label(order_id INT) RETURNS VARCHAR(40) DETERMINISTIC READS SQL DATA
BEGIN
    RETURN (SELECT CONCAT('order ', id, ': ', status) FROM orders WHERE id = order_id);
END//

delimiter ;

INSERT INTO orders (total, status) VALUES (5.00, 'open'), (50.00, 'open');
CALL close_orders(10.00, @closed);
SELECT @closed, order_label(1);
