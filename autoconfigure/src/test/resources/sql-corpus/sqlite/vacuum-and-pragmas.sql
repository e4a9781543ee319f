PRAGMA foreign_keys = ON;
PRAGMA journal_mode = WAL;
PRAGMA main.journal_mode = DELETE;
pragma Foreign_Keys;
PRAGMA user_version = 3;
CREATE TABLE kept (id INTEGER PRIMARY KEY);
VACUUM;
/* leading comment */ vacuum main;
