package dev.cairn.test;

/**
 * The kit's checks on H2 in-memory databases.
 */
class H2MigrationTestKitTests extends AbstractMigrationTestKitTests {

    @Override
    TestDatabaseFactory databases() {
        return TestDatabaseFactory.h2();
    }

}
