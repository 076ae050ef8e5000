package io.consentgateway.bootstrap;

import io.consentgateway.adapter.out.persistence.DatabaseMigrations;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.interceptor.Interceptor;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * Brings the database schema up to date (Flyway, the persistence adapter's migrations) when the application starts,
 * before anything else does: its observer runs at {@code PLATFORM_BEFORE} priority, ahead of the scheduler's start-up
 * and of any request. A migration that fails stops the start.
 */
@ApplicationScoped
public class DatabaseSchema {
    private static final Logger LOG = Logger.getLogger(DatabaseSchema.class.getName());

    @Resource(lookup = "jdbc/consentgateway", shareable = false, authenticationType = Resource.AuthenticationType.APPLICATION)
    DataSource dataSource;

    void migrate(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Startup startup) {
        int applied = DatabaseMigrations.migrate(dataSource);
        LOG.info(() -> "Database schema up to date (" + applied + " migration(s) applied now)");
    }
}
