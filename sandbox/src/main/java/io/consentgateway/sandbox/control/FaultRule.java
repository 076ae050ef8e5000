package io.consentgateway.sandbox.control;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Set;
import java.util.UUID;

/**
 * One injected fault: for requests to {@code provider} whose path (relative to /sandbox/nrich or
 * /sandbox/bank) starts with {@code path}, with probability {@code rate}: wait {@code latencyMs},
 * then answer {@code status}. With {@code afterProcessing} the work is done first (the code consumed, the token
 * rotated) and then the wait and the status follow: the "lost response" case, or without a status a late answer
 * (the window in which the provider has acted and the client has not heard). A null status means latency only.
 */
public record FaultRule(String id, String provider, String path, Integer status, long latencyMs, double rate,
                        boolean afterProcessing) {

    public static final Set<String> PROVIDERS = Set.of("nrich", "bank");
    public static final long MAX_LATENCY_MS = 60_000;
    private static final Set<String> FIELDS = Set.of("provider", "path", "status", "latencyMs", "rate", "afterProcessing");

    public FaultRule {
        if (!isProvider(provider)) {
            throw new IllegalArgumentException("provider must be nrich or bank");
        }
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /");
        }
        if (status != null && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("status must be between 400 and 599");
        }
        if (latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
            throw new IllegalArgumentException("latencyMs must be between 0 and " + MAX_LATENCY_MS);
        }
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException("rate must be between 0.0 and 1.0");
        }
        if (status == null && latencyMs == 0) {
            throw new IllegalArgumentException("a fault needs a status, a latency or both");
        }
    }

    /** Reads {@code {"provider","path","status","latencyMs","rate","afterProcessing"}}. */
    public static FaultRule fromJson(JsonObject json) {
        for (String name : json.keySet()) {
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field " + name);
            }
        }
        String provider = json.get("provider") instanceof JsonString s ? s.getString() : null;
        String path = json.get("path") instanceof JsonString s ? s.getString() : "/";
        Integer status = json.containsKey("status") && !json.isNull("status") ? ControlJson.intValue(json, "status") : null;
        long latency = json.containsKey("latencyMs") ? ControlJson.intValue(json, "latencyMs") : 0;
        double rate = 1.0;
        if (json.containsKey("rate")) {
            if (!(json.get("rate") instanceof JsonNumber n)) {
                throw new IllegalArgumentException("rate must be a number");
            }
            rate = n.doubleValue();
        }
        boolean after = false;
        if (json.containsKey("afterProcessing")) {
            JsonValue v = json.get("afterProcessing");
            if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
                throw new IllegalArgumentException("afterProcessing must be a boolean");
            }
            after = v == JsonValue.TRUE;
        }
        return new FaultRule(UUID.randomUUID().toString(), provider, path, status, latency, rate, after);
    }

    public JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", id).add("provider", provider).add("path", path);
        if (status != null) {
            b.add("status", status);
        }
        return b.add("latencyMs", latencyMs).add("rate", rate).add("afterProcessing", afterProcessing).build();
    }

    /** Whether the value names a simulated provider; false for null, on which {@code Set.of(…).contains} throws. */
    public static boolean isProvider(String value) {
        return value != null && PROVIDERS.contains(value);
    }

    /** Whether a client-sent value may be used as a statistics label (no free text from requests). */
    public static boolean isSafeLabel(String value) {
        return value != null && value.matches("[a-z_]{1,40}");
    }

    public boolean matches(String provider, String relativePath) {
        return this.provider.equals(provider) && relativePath.startsWith(path);
    }
}
