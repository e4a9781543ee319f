package dev.cairn.test;

/**
 * The kit's checks on the MariaDB server named by {@code CAIRN_TEST_MARIADB_URL}, skipped without it.
 */
class MariaDbMigrationTestKitTests extends AbstractMigrationTestKitTests {

    @Override
    TestDatabaseFactory databases() {
        return TestDatabaseFactory.mariadb(System.getenv("CAIRN_TEST_MARIADB_URL"),
                System.getenv().getOrDefault("CAIRN_TEST_MARIADB_USERNAME", "root"),
                System.getenv().getOrDefault("CAIRN_TEST_MARIADB_PASSWORD", ""));
    }

}
