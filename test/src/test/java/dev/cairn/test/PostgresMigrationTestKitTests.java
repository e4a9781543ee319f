package dev.cairn.test;

/**
 * The kit's checks on the PostgreSQL server named by {@code CAIRN_TEST_POSTGRES_URL}, skipped without it.
 */
class PostgresMigrationTestKitTests extends AbstractMigrationTestKitTests {

    @Override
    TestDatabaseFactory databases() {
        return TestDatabaseFactory.postgres(System.getenv("CAIRN_TEST_POSTGRES_URL"),
                System.getenv().getOrDefault("CAIRN_TEST_POSTGRES_USERNAME", "postgres"),
                System.getenv().getOrDefault("CAIRN_TEST_POSTGRES_PASSWORD", ""));
    }

}
