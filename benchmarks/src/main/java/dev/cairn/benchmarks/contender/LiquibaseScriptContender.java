package dev.cairn.benchmarks.contender;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import javax.sql.DataSource;

import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;

/**
 * Liquibase's {@code update} command through its Java API, reading the SQL scripts of the jar on the classpath:
 * an XML changelog with one changeset per script, each a {@code sqlFile} change naming
 * {@code db/migration/V<i>__create_t_<i>.sql}. The changelog is written before the clock starts, as a Liquibase
 * user writes it by hand; reading it and the scripts is Liquibase's work.
 */
final class LiquibaseScriptContender implements Contender {

    private static final String CHANGELOG = "changelog.xml";

    private final Path directory;

    LiquibaseScriptContender(Workload workload) throws IOException {
        this.directory = Files.createTempDirectory("cairn-bench-liquibase");
        StringBuilder changelog = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                        xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                            http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
                """);
        for (int version = 1; version <= workload.size(); version++) {
            changelog.append("    <changeSet id=\"").append(version).append("\" author=\"bench\">\n")
                .append("        <comment>").append(Workload.description(version)).append("</comment>\n")
                .append("        <sqlFile path=\"").append(Workload.SCRIPT_LOCATION).append('/')
                .append(Workload.scriptName(version)).append("\"/>\n")
                .append("    </changeSet>\n");
        }
        changelog.append("</databaseChangeLog>\n");
        Files.writeString(this.directory.resolve(CHANGELOG), changelog, StandardCharsets.UTF_8);
        this.directory.toFile().deleteOnExit();
        this.directory.resolve(CHANGELOG).toFile().deleteOnExit();
    }

    @Override
    public void migrate(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection();
                CompositeResourceAccessor resources = new CompositeResourceAccessor(
                        new DirectoryResourceAccessor(this.directory),
                        new ClassLoaderResourceAccessor(LiquibaseScriptContender.class.getClassLoader()))) {
            Database database = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Scope.child(Scope.Attr.resourceAccessor.name(), resources,
                    () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                        .execute());
        }
    }

}
