package dev.cairn.policy;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * The append-only policy and older instances on an H2 file.
 */
class H2PolicyTests extends AbstractPolicyTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.h2(directory);
    }

    @Override
    protected String changeType() {
        return "ALTER TABLE todos ALTER COLUMN priority TYPE BIGINT";
    }

    @Override
    protected String setNotNull() {
        return "ALTER TABLE todos ALTER COLUMN title SET NOT NULL";
    }

}
