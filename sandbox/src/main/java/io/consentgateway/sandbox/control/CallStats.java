package io.consentgateway.sandbox.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Calls per provider and route, e.g. {@code "POST /auth/token refresh_token": 3}. Keys use the
 * route template ({@code /rest/accounts/{account_id}}), never concrete ids. Thread-safe.
 */
public final class CallStats {

    private final Map<String, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();

    /** Counts one call. */
    public void record(String provider, String method, String route, String grantType) {
        String key = method + " " + route + (grantType == null ? "" : " " + grantType);
        counts.computeIfAbsent(provider, p -> new ConcurrentHashMap<>())
                .computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    public long count(String provider, String key) {
        LongAdder adder = counts.getOrDefault(provider, Map.of()).get(key);
        return adder == null ? 0 : adder.sum();
    }

    /** {@code {"nrich":{...},"bank":{...}}}, keys sorted. */
    public JsonObject toJson() {
        JsonObjectBuilder result = Json.createObjectBuilder();
        for (String provider : FaultRule.PROVIDERS.stream().sorted().toList()) {
            JsonObjectBuilder calls = Json.createObjectBuilder();
            new TreeMap<>(counts.getOrDefault(provider, Map.of())).forEach((k, v) -> calls.add(k, v.sum()));
            result.add(provider, calls);
        }
        return result.build();
    }

    public void clear() {
        counts.clear();
    }
}
