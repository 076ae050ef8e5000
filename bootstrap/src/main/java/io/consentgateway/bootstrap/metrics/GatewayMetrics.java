package io.consentgateway.bootstrap.metrics;

/**
 * What the gateway counts. The application core stays free of any metrics library: decorators around the
 * in-ports and the provider port report here, and {@link OpenTelemetryMetrics} turns it into MicroProfile
 * Telemetry counters.
 */
public interface GatewayMetrics {

    /** A flow was started ({@code kind}: ONGOING_ACCESS, ...). */
    void flowStarted(String provider, String kind);

    /** A callback ended with this outcome (COMPLETED, CANCELLED, FAILED, EXPIRED, IN_PROGRESS, INVALID). */
    void callbackHandled(String outcome);

    /**
     * One call to a provider: {@code operation} (start_flow, exchange_code, refresh, accounts, transactions,
     * income_report) and {@code result} (ok, reauthorization_required, rejected, unavailable).
     */
    void providerCall(String provider, String operation, String result);
}
