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
import liquibase.resource.DirectoryResourceAccessor;

/**
 * Liquibase's {@code update} command through its Java API, with one changeset per migration in a formatted SQL
 * changelog. The changelog file is written before the clock starts; reading and parsing it is Liquibase's work.
 */
final class LiquibaseContender implements Contender {

    private static final String CHANGELOG = "changelog.sql";

    private final Path directory;

    LiquibaseContender(Workload workload) throws IOException {
        this.directory = Files.createTempDirectory("cairn-bench-liquibase");
        StringBuilder changelog = new StringBuilder("--liquibase formatted sql\n");
        for (int version = 1; version <= workload.size(); version++) {
            changelog.append("\n--changeset bench:").append(version).append('\n');
            changelog.append("--comment: ").append(Workload.description(version)).append('\n');
            for (String sql : Workload.statements(version)) {
                changelog.append(sql).append(";\n");
            }
        }
        Files.writeString(this.directory.resolve(CHANGELOG), changelog, StandardCharsets.UTF_8);
        this.directory.toFile().deleteOnExit();
        this.directory.resolve(CHANGELOG).toFile().deleteOnExit();
    }

    @Override
    public void migrate(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection();
                DirectoryResourceAccessor resources = new DirectoryResourceAccessor(this.directory)) {
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
