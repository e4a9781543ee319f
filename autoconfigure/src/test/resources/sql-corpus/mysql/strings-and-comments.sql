# A hash comment; with a semicolon
CREATE TABLE `odd;table` (`semi;colon` VARCHAR(40), `back``tick` VARCHAR(40), note VARCHAR(40));
INSERT INTO `odd;table` VALUES ('it\'s; escaped', 'back\\slash', "double \"quoted\"; string");
INSERT INTO `odd;table` VALUES ('it''s doubled', "it""s doubled", 'a # is not a comment here');
-- a dash comment; followed by a space
SELECT 1--1 AS two, 3 -- a comment after a space
    AS three;
SELECT 'x' /* a block comment; */ AS y;
/*!40101 SET @saved_sql_mode = @@SQL_MODE */;
/*!40101 SET SQL_MODE = 'NO_AUTO_VALUE_ON_ZERO' */;
CREATE TABLE versioned (id INT) /*!50100 ENGINE = InnoDB */;
/*!40101 SET SQL_MODE = @saved_sql_mode */;
SELECT 'trailing backslash \\' AS a, '\\' AS b;
