package dev.cairn.policy;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * The append-only policy and older instances on MariaDB, each test in a database of its own.
 */
class MariaDbPolicyTests extends AbstractPolicyTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.mariadb();
    }

    @Override
    protected String changeType() {
        return "ALTER TABLE todos MODIFY COLUMN priority BIGINT";
    }

    @Override
    protected String setNotNull() {
        return "ALTER TABLE todos MODIFY COLUMN title VARCHAR(20) NOT NULL";
    }

}
