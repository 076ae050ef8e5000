package io.consentgateway.bootstrap.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The gateway's counters kept in the node's memory and written in the Prometheus text format (version 0.0.4) for a
 * scraper: {@code GET /metrics} ({@link io.consentgateway.bootstrap.MetricsResource}). The same counters as {@link OpenTelemetryMetrics}, with
 * Prometheus names: dots become underscores and a counter ends in {@code _total}
 * ({@code consentgateway_provider_calls_total{operation="refresh",provider="nrich",result="ok"} 12}). Each node counts
 * its own since it started; Prometheus adds the nodes up and copes with restarts ({@code rate()}).
 */
public final class PrometheusMetrics implements GatewayMetrics {
    /** The counter families in the order they are written, each with its help text. */
    private static final Map<String, String> FAMILIES = orderedFamilies();

    private final Map<String, Map<SortedMap<String, String>, LongAdder>> counters = new ConcurrentHashMap<>();

    private static Map<String, String> orderedFamilies() {
        Map<String, String> families = new java.util.LinkedHashMap<>();
        families.put("consentgateway_flows_started_total", "Consent flows started, by provider and kind");
        families.put("consentgateway_callbacks_total", "Provider callbacks, by outcome");
        families.put("consentgateway_provider_calls_total", "Calls to consent providers, by provider, operation and result");
        families.put("consentgateway_data_background_syncs_total",
                "Syncs without the user (the PSD2 access budget), by result");
        families.put("consentgateway_data_deleted_total", "Consents whose stored data the scheduler deleted");
        families.put("consentgateway_webhooks_attempts_total", "Webhook attempts, by endpoint and outcome");
        return java.util.Collections.unmodifiableMap(families);
    }

    @Override
    public void flowStarted(String provider, String kind) {
        add("consentgateway_flows_started_total", 1, "provider", provider, "kind", kind);
    }

    @Override
    public void callbackHandled(String outcome) {
        add("consentgateway_callbacks_total", 1, "outcome", outcome);
    }

    @Override
    public void providerCall(String provider, String operation, String result) {
        add("consentgateway_provider_calls_total", 1, "provider", provider, "operation", operation, "result", result);
    }

    @Override
    public void backgroundSyncs(String result, int count) {
        if (count > 0) {
            add("consentgateway_data_background_syncs_total", count, "result", result);
        }
    }

    @Override
    public void dataDeleted(int count) {
        if (count > 0) {
            add("consentgateway_data_deleted_total", count);
        }
    }

    @Override
    public void webhookAttempt(String endpoint, String outcome) {
        add("consentgateway_webhooks_attempts_total", 1, "endpoint", endpoint, "outcome", outcome);
    }

    private void add(String family, long amount, String... labelsAndValues) {
        SortedMap<String, String> labels = new TreeMap<>();
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            labels.put(labelsAndValues[i], String.valueOf(labelsAndValues[i + 1]));
        }
        counters.computeIfAbsent(family, name -> new ConcurrentHashMap<>())
                .computeIfAbsent(labels, key -> new LongAdder()).add(amount);
    }

    /** Every family with its help and type, also before its first count, and each series' value; sorted, stable. */
    public String scrape() {
        StringBuilder text = new StringBuilder();
        FAMILIES.forEach((family, help) -> {
            text.append("# HELP ").append(family).append(' ').append(help).append('\n');
            text.append("# TYPE ").append(family).append(" counter\n");
            List<Map.Entry<SortedMap<String, String>, LongAdder>> series =
                    new ArrayList<>(counters.getOrDefault(family, Map.of()).entrySet());
            series.sort(Map.Entry.comparingByKey((a, b) -> a.toString().compareTo(b.toString())));
            for (Map.Entry<SortedMap<String, String>, LongAdder> one : series) {
                text.append(family);
                if (!one.getKey().isEmpty()) {
                    text.append('{');
                    String separator = "";
                    for (Map.Entry<String, String> label : one.getKey().entrySet()) {
                        text.append(separator).append(label.getKey()).append("=\"").append(escaped(label.getValue())).append('"');
                        separator = ",";
                    }
                    text.append('}');
                }
                text.append(' ').append(one.getValue().sum()).append('\n');
            }
        });
        return text.toString();
    }

    /** A label value as the text format wants it: backslash, double quote and line feed escaped. */
    private static String escaped(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
