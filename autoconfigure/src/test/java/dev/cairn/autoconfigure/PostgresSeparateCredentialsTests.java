package dev.cairn.autoconfigure;

import java.util.UUID;

import javax.sql.DataSource;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Migrating with a DDL-privileged user through {@code cairn.datasource.*} while the application's own pool uses a
 * user that may not create tables, on a real PostgreSQL server.
 */
class PostgresSeparateCredentialsTests {

    @Test
    void migratesAsThePrivilegedUserWhileTheApplicationUsesARestrictedOne() {
        try (TestDatabase database = TestDatabases.postgres()) {
            JdbcTemplate admin = database.jdbc();
            String schema = admin.queryForObject("SELECT current_schema()", String.class);
            String role = "cairn_app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            admin.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'restricted'");
            try {
                admin.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + role);
                admin.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA " + schema + " GRANT SELECT, INSERT ON TABLES TO "
                        + role);
                new ApplicationContextRunner()
                    .withConfiguration(
                            AutoConfigurations.of(DataSourceAutoConfiguration.class, CairnAutoConfiguration.class))
                    .withUserConfiguration(CairnAutoConfigurationTests.OneMigration.class)
                    .withPropertyValues("spring.datasource.url=" + database.url(),
                            "spring.datasource.username=" + role, "spring.datasource.password=restricted",
                            "cairn.datasource.username=" + database.username(),
                            "cairn.datasource.password=" + database.password(), "cairn.run-on=startup")
                    .run((context) -> {
                        assertThat(context).hasNotFailed();
                        JdbcTemplate application = new JdbcTemplate(context.getBean(DataSource.class));
                        assertThat(application.queryForObject("SELECT current_user", String.class)).isEqualTo(role);
                        assertThat(application.queryForObject("SELECT COUNT(*) FROM things", Integer.class)).isZero();
                        assertThatExceptionOfType(BadSqlGrammarException.class)
                            .isThrownBy(() -> application.execute("CREATE TABLE not_allowed (id INTEGER)"))
                            .satisfies((ex) -> assertThat(ex.getCause()).hasMessageContaining("permission denied"));
                        assertThat(admin.queryForObject("SELECT installed_by FROM cairn_migrations", String.class))
                            .isEqualTo(database.username());
                    });
            }
            finally {
                admin.execute("DROP OWNED BY " + role);
                admin.execute("DROP ROLE " + role);
            }
        }
    }

}
