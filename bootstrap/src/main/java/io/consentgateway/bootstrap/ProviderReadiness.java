package io.consentgateway.bootstrap;

import io.consentgateway.adapter.out.nrich.NrichSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * Ready only while nrich's host accepts connections. nrich publishes no health endpoint, so this checks the
 * network path (DNS, routing, TLS port open), which is what an operator can act on; it never calls the API.
 * With {@code cg.health.provider-affects-readiness=false} the check still reports the host's state in its data but
 * stays UP, so a provider outage does not take the whole API (callback, listing, revoking) out of a load balancer.
 */
@Readiness
@ApplicationScoped
public class ProviderReadiness implements HealthCheck {
    private static final int TIMEOUT_MILLIS = 2_000;

    @Inject
    NrichSettings nrich;

    @Inject
    @ConfigProperty(name = "cg.health.provider-affects-readiness", defaultValue = "true")
    boolean affectsReadiness;

    @Override
    public HealthCheckResponse call() {
        URI base = nrich.baseUri();
        int port = base.getPort() != -1 ? base.getPort() : "https".equalsIgnoreCase(base.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), port), TIMEOUT_MILLIS);
            return HealthCheckResponse.named("provider-nrich").up().withData("host", base.getHost()).build();
        } catch (IOException | IllegalArgumentException e) {
            return HealthCheckResponse.named("provider-nrich").status(!affectsReadiness)
                    .withData("host", String.valueOf(base.getHost())).withData("reachable", false)
                    .withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
