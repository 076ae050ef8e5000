package io.consentgateway.bootstrap;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Ready only while the database answers. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
    // Unshareable: a shareable connection stays bound to the request until it ends, however early it was closed, so
    // every read waiting on a slow provider would hold one of the pool's connections (docs/reliability.md#isolation).
    // Application authentication: the data source's own user and password. With container authentication Liberty
    // works out a subject for every connection, and concurrent requests queue on it (docs/performance.md).
    @Resource(lookup = "jdbc/consentgateway", shareable = false, authenticationType = Resource.AuthenticationType.APPLICATION)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(2);
            return HealthCheckResponse.named("database").status(valid)
                    .withData("product", connection.getMetaData().getDatabaseProductName()).build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("database").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
