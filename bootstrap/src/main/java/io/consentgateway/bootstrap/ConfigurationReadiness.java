package io.consentgateway.bootstrap;

import io.consentgateway.application.service.RefusalFuse;
import io.consentgateway.bootstrap.metrics.ConfigurationFaults;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check {@code provider-configuration}: DOWN while a provider refuses this gateway itself (client credentials,
 * certificate, URL), naming each such provider and what it said; UP again at the provider's next successful call. With
 * {@code cg.health.provider-affects-readiness=false} it stays UP and still names them. It also names the providers
 * whose scheduler fuse is blown (many consents refused at once), which is information only.
 */
@Readiness
@ApplicationScoped
public class ConfigurationReadiness implements HealthCheck {
    @Inject
    ConfigurationFaults faults;

    @Inject
    RefusalFuse fuse;

    @Inject
    @ConfigProperty(name = "cg.health.provider-affects-readiness", defaultValue = "true")
    boolean affectsReadiness;

    @Override
    public HealthCheckResponse call() {
        var current = faults.current();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("provider-configuration")
                .status(current.isEmpty() || !affectsReadiness);
        current.forEach((provider, fault) -> response.withData(provider, fault.message()));
        var blown = fuse.blown();
        if (!blown.isEmpty()) {
            response.withData("fuse-blown", blown.stream().map(Object::toString).sorted().toList().toString());
        }
        return response.build();
    }
}
