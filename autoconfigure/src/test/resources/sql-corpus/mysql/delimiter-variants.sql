CREATE TABLE t (id INT, created_at DATETIME);

DELIMITER $$
CREATE PROCEDURE insert_t(IN n INT)
BEGIN
    INSERT INTO t VALUES (n, NOW());
END$$
CREATE PROCEDURE count_t(OUT n INT) BEGIN SELECT COUNT(*) INTO n FROM t; END $$
DELIMITER ;

-- The style mysqldump writes: ;; as the delimiter, the trigger in executable comments.
DELIMITER ;;
/*!50003 CREATE*/ /*!50017 DEFINER=CURRENT_USER*/ /*!50003 TRIGGER t_created BEFORE INSERT ON t FOR EACH ROW BEGIN
    IF NEW.created_at IS NULL THEN SET NEW.created_at = NOW(); END IF;
END */;;
DELIMITER ;

delimiter |
SELECT 'a | inside a string' AS a|
delimiter ;
CALL insert_t(1);
CALL count_t(@n);
