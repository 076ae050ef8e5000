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
     * income_report) and {@code result}: ok, reauthorization_required, rejected, misconfigured, unavailable (the
     * provider did not take the request: unreachable, 429, 503) or in_doubt (sent, and no usable answer came back;
     * {@code operation="refresh", result="in_doubt"} counts the refreshes whose consent must be settled).
     */
    void providerCall(String provider, String operation, String result);

    /**
     * Background syncs of the scheduler's data maintenance, by {@code result}: synced, budget_spent (not made: the
     * consent's PSD2 access budget of 24 hours was spent) or failed.
     */
    void backgroundSyncs(String result, int count);

    /** Consents whose stored data was deleted by the scheduler (retention ended, consent gone). */
    void dataDeleted(int count);

    /** A webhook attempt's outcome: sent, retried, failed. */
    void webhookAttempt(String endpoint, String outcome);
}
