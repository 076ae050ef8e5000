package io.consentgateway.adapter.out.bank;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
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
 * {@code provider-tatrabanka}: ready only while the bank's host accepts connections. It checks the network path (DNS,
 * routing, the port open) of {@code cg.tatrabanka.base-url}, which is what an operator can act on, and never calls the
 * API (no token, no quota). With {@code cg.health.provider-affects-readiness=false} the check still reports the host's
 * state in its data ({@code reachable=false}) but stays UP, so a bank outage does not take the whole API out of a load
 * balancer.
 */
@Readiness
@ApplicationScoped
public class BankReadiness implements HealthCheck {
    public static final String NAME = "provider-tatrabanka";
    public static final String AFFECTS_READINESS = "cg.health.provider-affects-readiness";
    static final int TIMEOUT_MILLIS = 2_000;

    private URI base;
    private boolean affectsReadiness;
    private int timeoutMillis;

    /** For CDI's client proxy only. */
    protected BankReadiness() {
    }

    @Inject
    public BankReadiness(Config config) {
        this(BankSettings.baseUriFromConfig(key -> config.getOptionalValue(key, String.class)),
                config.getOptionalValue(AFFECTS_READINESS, Boolean.class).orElse(Boolean.TRUE), TIMEOUT_MILLIS);
    }

    public BankReadiness(URI base, boolean affectsReadiness, int timeoutMillis) {
        this.base = Objects.requireNonNull(base, "base URL");
        this.affectsReadiness = affectsReadiness;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public HealthCheckResponse call() {
        String host = String.valueOf(base.getHost());
        int port = base.getPort() != -1 ? base.getPort() : "https".equalsIgnoreCase(base.getScheme()) ? 443 : 80;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("host", host);
        data.put("port", (long) port);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), port), timeoutMillis);
            data.put("reachable", true);
            return new HealthCheckResponse(NAME, HealthCheckResponse.Status.UP, Optional.of(data));
        } catch (IOException | IllegalArgumentException e) {
            data.put("reachable", false);
            data.put("error", e.getClass().getSimpleName());
            return new HealthCheckResponse(NAME,
                    affectsReadiness ? HealthCheckResponse.Status.DOWN : HealthCheckResponse.Status.UP, Optional.of(data));
        }
    }
}
