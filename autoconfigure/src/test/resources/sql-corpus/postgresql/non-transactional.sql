CREATE TABLE item (id integer PRIMARY KEY, name text);
CREATE INDEX CONCURRENTLY item_name ON item (name);
create unique index
    concurrently item_name_unique on item (name);
REINDEX INDEX CONCURRENTLY item_name;
REINDEX (VERBOSE) TABLE item;
DROP INDEX CONCURRENTLY IF EXISTS item_name;
VACUUM (ANALYZE) item;
ANALYZE item;
CREATE /* a comment */ INDEX -- and another
    CONCURRENTLY item_name_again ON item (name);
DISCARD PLANS;
