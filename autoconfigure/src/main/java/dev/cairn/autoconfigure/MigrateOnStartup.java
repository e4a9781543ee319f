package dev.cairn.autoconfigure;

import dev.cairn.MigrateResult;
import dev.cairn.MigrationRunner;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates while the context starts. Spring Boot initializes it before every bean that depends on database
 * initialization (JPA, JdbcTemplate, jOOQ), through {@link MigrateOnStartupDetector}.
 */
public class MigrateOnStartup extends MigrationTrigger implements InitializingBean {

    private volatile @Nullable MigrateResult result;

    public MigrateOnStartup(MigrationRunner runner, boolean failOnError) {
        super(runner, failOnError);
    }

    @Override
    public void afterPropertiesSet() {
        this.result = migrate();
    }

    /**
     * What the migrate while the context started applied, which {@code cairn.mode=migrate} reports.
     * @return the result, or {@code null} before it ran or when it failed
     */
    public @Nullable MigrateResult getResult() {
        return this.result;
    }

}
