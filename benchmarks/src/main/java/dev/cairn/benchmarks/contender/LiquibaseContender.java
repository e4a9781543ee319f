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
import liquibase.resource.ResourceAccessor;

/**
 * Liquibase's {@code update} command through its Java API, with one changeset per migration. The changelog file is
 * written before the clock starts, as a Liquibase user writes it by hand; reading and parsing it (and the scripts it
 * names) is Liquibase's work.
 */
final class LiquibaseContender implements Contender {

    private final Path directory;

    private final String changelog;

    private final boolean scriptsOnClasspath;

    private LiquibaseContender(String changelog, CharSequence content, boolean scriptsOnClasspath)
            throws IOException {
        this.directory = Files.createTempDirectory("cairn-bench-liquibase");
        this.changelog = changelog;
        this.scriptsOnClasspath = scriptsOnClasspath;
        Files.writeString(this.directory.resolve(changelog), content, StandardCharsets.UTF_8);
        this.directory.toFile().deleteOnExit();
        this.directory.resolve(changelog).toFile().deleteOnExit();
    }

    /**
     * The Java-form workload as a formatted SQL changelog, each changeset holding its migration's statements.
     * @param workload the migrations
     * @return the contender
     * @throws IOException when the changelog cannot be written
     */
    static LiquibaseContender formattedSql(Workload workload) throws IOException {
        StringBuilder changelog = new StringBuilder("--liquibase formatted sql\n");
        for (int version = 1; version <= workload.size(); version++) {
            changelog.append("\n--changeset bench:").append(version).append('\n');
            changelog.append("--comment: ").append(Workload.description(version)).append('\n');
            for (String sql : Workload.statements(version)) {
                changelog.append(sql).append(";\n");
            }
        }
        return new LiquibaseContender("changelog.sql", changelog, false);
    }

    /**
     * The SQL scripts of the jar on the classpath: an XML changelog with one changeset per script, each a
     * {@code sqlFile} change naming {@code db/migration/V<i>__create_t_<i>.sql}, read through the class loader.
     * @param workload the migrations
     * @return the contender
     * @throws IOException when the changelog cannot be written
     */
    static LiquibaseContender sqlFiles(Workload workload) throws IOException {
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
        return new LiquibaseContender("changelog.xml", changelog, true);
    }

    @Override
    public void migrate(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection(); ResourceAccessor resources = resources()) {
            Database database = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Scope.child(Scope.Attr.resourceAccessor.name(), resources,
                    () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, this.changelog)
                        .execute());
        }
    }

    private ResourceAccessor resources() throws IOException {
        DirectoryResourceAccessor changelog = new DirectoryResourceAccessor(this.directory);
        return this.scriptsOnClasspath ? new CompositeResourceAccessor(changelog,
                new ClassLoaderResourceAccessor(LiquibaseContender.class.getClassLoader())) : changelog;
    }

}
