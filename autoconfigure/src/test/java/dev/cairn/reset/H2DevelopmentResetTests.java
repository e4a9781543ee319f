package dev.cairn.reset;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * The development reset on H2, which it may always reset.
 */
class H2DevelopmentResetTests extends AbstractDevelopmentResetTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.h2(directory);
    }

}
