package io.consentgateway.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: the application is deployed and its CDI container answers. With {@code cg.instance-id} set (a test build
 * sets one), its data names that label, so tests can tell the server their build started from another one listening
 * where they look.
 */
@Liveness
@ApplicationScoped
public class ApplicationLiveness implements HealthCheck {
    @Inject
    @ConfigProperty(name = "cg.instance-id", defaultValue = " ")
    String instanceId;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("consent-gateway").up();
        if (instanceId != null && !instanceId.isBlank()) {
            response.withData("instance", instanceId.strip());
        }
        return response.build();
    }
}
