package io.consentgateway.bootstrap;

import io.consentgateway.bootstrap.metrics.PrometheusMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /metrics}: the gateway's counters in the Prometheus text format, for a scraper ({@link PrometheusMetrics}).
 * Like the health checks it asks for no token: the counters carry no personal data (providers, operations, outcomes,
 * webhook endpoint names), and an operator keeps it inside the network or turns it off with
 * {@code cg.metrics.prometheus.enabled=false} (then 404).
 */
@Path("/metrics")
@ApplicationScoped
public class MetricsResource {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    PrometheusMetrics metrics;

    @Inject
    GatewayConfig config;

    private boolean enabled;

    @PostConstruct
    void configure() {
        enabled = config.prometheusEnabled();
    }

    @GET
    @Operation(hidden = true)
    public Response scrape() {
        if (!enabled) {
            throw new NotFoundException();
        }
        return Response.ok(metrics.scrape(), CONTENT_TYPE).header("Cache-Control", "no-store").build();
    }
}
