package io.consentgateway.adapter.out.nrich;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Readiness check {@value #NAME}: ready only while nrich's host accepts connections. nrich publishes no health
 * endpoint, so this checks the network path (DNS, routing, the port of {@code cg.nrich.base-url} open), which is what
 * an operator can act on; it never calls the API and sends no credentials. With
 * {@code cg.health.provider-affects-readiness=false} the check still reports the host's state in its data but stays
 * UP, so an nrich outage does not take the whole API (callback, listing, revoking) out of a load balancer.
 *
 * <p>Discovered with the adapter (a {@code @Readiness} bean of this module): the application needs no wiring for it.
 */
@Readiness
@ApplicationScoped
public class NrichReadiness implements HealthCheck {
    public static final String NAME = "provider-nrich";
    public static final String AFFECTS_READINESS = "cg.health.provider-affects-readiness";
    static final int TIMEOUT_MILLIS = 2_000;

    private URI baseUri;
    private boolean affectsReadiness;

    /** For CDI's client proxy only. */
    protected NrichReadiness() {
    }

    @Inject
    public NrichReadiness(NrichConsentProvider nrich,
                          @ConfigProperty(name = AFFECTS_READINESS, defaultValue = "true") boolean affectsReadiness) {
        this(nrich.baseUri(), affectsReadiness);
    }

    /** Outside CDI (tests). */
    public NrichReadiness(URI baseUri, boolean affectsReadiness) {
        this.baseUri = Objects.requireNonNull(baseUri, "nrich base URI");
        this.affectsReadiness = affectsReadiness;
    }

    @Override
    public HealthCheckResponse call() {
        String host = String.valueOf(baseUri.getHost());
        int port = baseUri.getPort() != -1 ? baseUri.getPort() : "https".equalsIgnoreCase(baseUri.getScheme()) ? 443 : 80;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("host", host);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(baseUri.getHost(), port), TIMEOUT_MILLIS);
            return response(true, data);
        } catch (IOException | IllegalArgumentException e) {
            data.put("reachable", false);
            data.put("error", e.getClass().getSimpleName());
            return response(!affectsReadiness, data);
        }
    }

    // The constructor, not HealthCheckResponse.named(): no HealthCheckResponseProvider is needed outside Liberty.
    private static HealthCheckResponse response(boolean up, Map<String, Object> data) {
        return new HealthCheckResponse(NAME, up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.of(Map.copyOf(data)));
    }
}
