package io.consentgateway.bootstrap.metrics;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;

/**
 * The gateway's counters on MicroProfile Telemetry (OpenTelemetry metrics). Exported by Liberty's OpenTelemetry
 * SDK when it is enabled ({@code OTEL_SDK_DISABLED=false} with an exporter, see docs/configuration.md); a no-op
 * otherwise.
 * <ul>
 *   <li>{@code consentgateway.flows.started} {provider, kind}</li>
 *   <li>{@code consentgateway.callbacks} {outcome} — completed, cancelled, failed, ... flows</li>
 *   <li>{@code consentgateway.provider.calls} {provider, operation, result} — refreshes are
 *       {@code operation=refresh}; provider errors are every result but {@code ok}</li>
 *   <li>{@code consentgateway.webhooks.attempts} {endpoint, outcome} — sent, retried, failed: each webhook attempt;</li>
 *   <li>{@code consentgateway.data.background_syncs} {result} — synced, budget_spent, failed: the PSD2 access budget's
 *       use</li>
 *   <li>{@code consentgateway.data.deleted} — consents whose stored data the scheduler deleted</li>
 * </ul>
 */
public final class OpenTelemetryMetrics implements GatewayMetrics {
    private static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("provider");
    private static final AttributeKey<String> KIND = AttributeKey.stringKey("kind");
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("outcome");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("operation");
    private static final AttributeKey<String> RESULT = AttributeKey.stringKey("result");
    private static final AttributeKey<String> ENDPOINT = AttributeKey.stringKey("endpoint");

    private final LongCounter flowsStarted;
    private final LongCounter callbacks;
    private final LongCounter providerCalls;
    private final LongCounter backgroundSyncs;
    private final LongCounter dataDeleted;
    private final LongCounter webhookAttempts;

    public OpenTelemetryMetrics(OpenTelemetry openTelemetry) {
        Meter meter = openTelemetry.getMeter("io.consentgateway");
        flowsStarted = meter.counterBuilder("consentgateway.flows.started").setDescription("Consent flows started").build();
        callbacks = meter.counterBuilder("consentgateway.callbacks").setDescription("Provider callbacks by outcome").build();
        providerCalls = meter.counterBuilder("consentgateway.provider.calls")
                .setDescription("Calls to consent providers by operation and result").build();
        backgroundSyncs = meter.counterBuilder("consentgateway.data.background_syncs")
                .setDescription("Syncs without the user (the PSD2 access budget), by result").build();
        dataDeleted = meter.counterBuilder("consentgateway.data.deleted")
                .setDescription("Consents whose stored data was deleted by the scheduler").build();
        webhookAttempts = meter.counterBuilder("consentgateway.webhooks.attempts")
                .setDescription("Webhook attempts by endpoint and outcome (sent, retried, failed)").build();
    }

    @Override
    public void flowStarted(String provider, String kind) {
        flowsStarted.add(1, Attributes.of(PROVIDER, provider, KIND, kind));
    }

    @Override
    public void callbackHandled(String outcome) {
        callbacks.add(1, Attributes.of(OUTCOME, outcome));
    }

    @Override
    public void providerCall(String provider, String operation, String result) {
        providerCalls.add(1, Attributes.of(PROVIDER, provider, OPERATION, operation, RESULT, result));
    }

    @Override
    public void backgroundSyncs(String result, int count) {
        if (count > 0) {
            backgroundSyncs.add(count, Attributes.of(RESULT, result));
        }
    }

    @Override
    public void dataDeleted(int count) {
        if (count > 0) {
            dataDeleted.add(count);
        }
    }

    @Override
    public void webhookAttempt(String endpoint, String outcome) {
        webhookAttempts.add(1, Attributes.of(ENDPOINT, endpoint, OUTCOME, outcome));
    }
}
