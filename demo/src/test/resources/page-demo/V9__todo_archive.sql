-- Version 9: where done todos go when they are archived.
CREATE TABLE todo_archive (todo_id BIGINT NOT NULL, archived_on TIMESTAMP NOT NULL);
