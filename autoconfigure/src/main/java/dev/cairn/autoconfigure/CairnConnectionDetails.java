package dev.cairn.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * How Cairn connects when it migrates with a connection of its own rather than the application's DataSource; by
 * default from {@code cairn.datasource.*}. Declare a bean of this type to take the details from elsewhere.
 */
public interface CairnConnectionDetails extends ConnectionDetails {

    /**
     * The JDBC URL to migrate, or {@code null} for the application's database.
     * @return the URL
     */
    default @Nullable String getJdbcUrl() {
        return null;
    }

    /**
     * The user to migrate with, or {@code null} for the application's.
     * @return the user
     */
    default @Nullable String getUsername() {
        return null;
    }

    /**
     * The user's password.
     * @return the password
     */
    default @Nullable String getPassword() {
        return null;
    }

    /**
     * The JDBC driver's class, or {@code null} to derive it from the URL.
     * @return the driver class name
     */
    default @Nullable String getDriverClassName() {
        return null;
    }

}
