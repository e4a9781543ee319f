package dev.cairn.test;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * How the factories make fresh databases, and skip rather than pass when a server is not there.
 */
class TestDatabaseFactoryTests {

    @Test
    void eachSqliteDatabaseIsAFreshFile(@TempDir Path directory) {
        TestDatabaseFactory factory = TestDatabaseFactory.sqlite(directory);
        try (TestDatabase first = factory.create(); TestDatabase second = factory.create()) {
            new JdbcTemplate(first.dataSource()).execute("CREATE TABLE t (id INTEGER)");
            assertThat(new JdbcTemplate(second.dataSource()).queryForObject(
                    "SELECT COUNT(*) FROM sqlite_master WHERE name = 't'", Integer.class)).isZero();
            assertThat(first.description()).isNotEqualTo(second.description());
        }
    }

    @Test
    void anH2DatabaseIsGoneOnceClosed() {
        TestDatabase database = TestDatabaseFactory.h2().create();
        JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
        jdbc.execute("CREATE TABLE t (id INTEGER)");
        database.close();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'T'",
                Integer.class)).isZero();
    }

    @Test
    void withoutAServerUrlTheTestIsSkippedSayingWhy() {
        assertThatExceptionOfType(TestAbortedException.class)
            .isThrownBy(() -> TestDatabaseFactory.postgres(null, "postgres", ""))
            .withMessageContaining("no PostgreSQL URL was given");
    }

    @Test
    void anUnreachableServerSkipsTheTestSayingWhy() {
        assertThatExceptionOfType(TestAbortedException.class)
            .isThrownBy(() -> TestDatabaseFactory.mariadb("jdbc:mariadb://127.0.0.1:1/test?connectTimeout=2000",
                    "root", ""))
            .withMessageContaining("cannot reach MariaDB at jdbc:mariadb://127.0.0.1:1/test");
    }

    @Test
    void aUrlNoDriverTakesIsAnErrorNotASkip() {
        assertThatIllegalStateException().isThrownBy(() -> TestDatabaseFactory.postgres("jdbc:nosuch://x/y", "u", ""))
            .withMessageContaining("No JDBC driver on the classpath takes jdbc:nosuch://x/y");
    }

}
