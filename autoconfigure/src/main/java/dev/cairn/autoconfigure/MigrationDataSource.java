package dev.cairn.autoconfigure;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Builds the connections used for migrating when {@code cairn.datasource.*} gives credentials of their own.
 */
final class MigrationDataSource {

    private MigrationDataSource() {
    }

    static @Nullable DataSource create(CairnProperties.Datasource properties,
            @Nullable DataSourceProperties application) {
        if (properties.getUrl() == null && properties.getUsername() == null) {
            return null;
        }
        String url = (properties.getUrl() != null) ? properties.getUrl()
                : (application != null) ? application.determineUrl() : null;
        if (url == null) {
            throw new dev.cairn.MigrationException("cairn.datasource.username is set but there is no URL to use it"
                    + " with", "Set cairn.datasource.url, or spring.datasource.url for the application.");
        }
        // Unpooled: migrating opens a handful of connections once, and nothing stays open afterwards.
        return DataSourceBuilder.create()
            .type(SimpleDriverDataSource.class)
            .url(url)
            .username(properties.getUsername())
            .password(properties.getPassword())
            .build();
    }

}
