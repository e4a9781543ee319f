package dev.cairn.policy;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;
import org.jspecify.annotations.Nullable;

/**
 * The append-only policy and older instances on an SQLite file, which can change neither a column's type nor its
 * nullability in place.
 */
class SqlitePolicyTests extends AbstractPolicyTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.sqlite(directory);
    }

    @Override
    protected @Nullable String changeType() {
        return null;
    }

    @Override
    protected @Nullable String setNotNull() {
        return null;
    }

}
