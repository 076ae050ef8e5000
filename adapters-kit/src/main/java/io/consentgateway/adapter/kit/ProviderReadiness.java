package io.consentgateway.adapter.kit;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The readiness check of a provider adapter: does the provider's host accept connections? Providers publish no health
 * endpoint, so this checks the network path (DNS, routing, the port open), which is what an operator can act on; it
 * never calls the API and sends no credentials. With {@code affectsReadiness} false (the setting
 * {@value #AFFECTS_READINESS}) the check still reports the host's state in its data but stays UP, so a provider outage
 * does not take the whole API (callback, listing, revoking) out of a load balancer.
 *
 * <p>An adapter's check extends this class as a {@code @Readiness @ApplicationScoped} bean of its own module, named
 * {@code provider-<id>}, and takes the base URL from its provider (e.g. {@code NrichReadiness}); the application needs
 * no wiring for it.
 */
public abstract class ProviderReadiness implements HealthCheck {
    /** The setting every provider's readiness check honours. */
    public static final String AFFECTS_READINESS = "cg.health.provider-affects-readiness";
    public static final int DEFAULT_TIMEOUT_MILLIS = 2_000;

    private String name;
    private URI base;
    private boolean affectsReadiness;
    private int timeoutMillis;

    /** For CDI's client proxy only. */
    protected ProviderReadiness() {
    }

    /**
     * @param name the check's name, {@code provider-<id>}
     * @param base the provider's base URL, whose host and port are checked
     */
    protected ProviderReadiness(String name, URI base, boolean affectsReadiness, int timeoutMillis) {
        this.name = Objects.requireNonNull(name, "name");
        this.base = Objects.requireNonNull(base, "base URL");
        this.affectsReadiness = affectsReadiness;
        this.timeoutMillis = timeoutMillis;
    }

    /** UP while the host accepts a connection; data {@code host}, {@code port}, {@code reachable} and, if not, {@code error}. */
    @Override
    public HealthCheckResponse call() {
        int port = base.getPort() != -1 ? base.getPort() : "https".equalsIgnoreCase(base.getScheme()) ? 443 : 80;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("host", String.valueOf(base.getHost()));
        data.put("port", (long) port);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), port), timeoutMillis);
            data.put("reachable", true);
            return response(true, data);
        } catch (IOException | IllegalArgumentException e) {
            data.put("reachable", false);
            data.put("error", e.getClass().getSimpleName());
            return response(!affectsReadiness, data);
        }
    }

    // The constructor, not HealthCheckResponse.named(): no HealthCheckResponseProvider is needed outside Liberty.
    private HealthCheckResponse response(boolean up, Map<String, Object> data) {
        return new HealthCheckResponse(name, up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.of(Map.copyOf(data)));
    }
}
