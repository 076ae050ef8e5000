package io.consentgateway.bootstrap.metrics;

import java.util.List;

/** Reports every count to several {@link GatewayMetrics}: OpenTelemetry for an exporter, Prometheus for a scraper. */
public final class BothMetrics implements GatewayMetrics {
    private final List<GatewayMetrics> all;

    public BothMetrics(GatewayMetrics... all) {
        this.all = List.of(all);
    }

    @Override
    public void flowStarted(String provider, String kind) {
        all.forEach(metrics -> metrics.flowStarted(provider, kind));
    }

    @Override
    public void callbackHandled(String outcome) {
        all.forEach(metrics -> metrics.callbackHandled(outcome));
    }

    @Override
    public void providerCall(String provider, String operation, String result) {
        all.forEach(metrics -> metrics.providerCall(provider, operation, result));
    }

    @Override
    public void backgroundSyncs(String result, int count) {
        all.forEach(metrics -> metrics.backgroundSyncs(result, count));
    }

    @Override
    public void dataDeleted(int count) {
        all.forEach(metrics -> metrics.dataDeleted(count));
    }

    @Override
    public void webhookAttempt(String endpoint, String outcome) {
        all.forEach(metrics -> metrics.webhookAttempt(endpoint, outcome));
    }
}
