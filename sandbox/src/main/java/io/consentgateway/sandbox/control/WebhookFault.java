package io.consentgateway.sandbox.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the webhook receiver misbehaves, in the words of the provider faults ({@link FaultRule}): each POST waits
 * {@code latencyMs}, then answers {@code status} (an error) or a 307 to {@code redirectTo} without recording the
 * delivery; with a latency alone the delivery is recorded, late. {@code times} POSTs misbehave, then the receiver
 * heals; null: until the fault is cleared.
 */
public record WebhookFault(Integer status, long latencyMs, Integer times, URI redirectTo) {

    private static final Set<String> FIELDS = Set.of("status", "latencyMs", "times", "redirectTo");
    /** Names another shape might use, with the field meant: the error names it. */
    private static final Map<String, String> ALIASES = Map.of("failWith", "status", "delayMillis", "latencyMs");
    private static final int MAX_URI_LENGTH = 2048;

    public WebhookFault {
        if (status != null && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("status must be between 400 and 599");
        }
        if (latencyMs < 0 || latencyMs > FaultRule.MAX_LATENCY_MS) {
            throw new IllegalArgumentException("latencyMs must be between 0 and " + FaultRule.MAX_LATENCY_MS);
        }
        if (times != null && times < 1) {
            throw new IllegalArgumentException("times must be at least 1; leave it out for until cleared");
        }
        if (redirectTo != null && !isHttpUrl(redirectTo)) {
            throw new IllegalArgumentException("redirectTo must be an absolute http or https URL");
        }
        if (status != null && redirectTo != null) {
            throw new IllegalArgumentException("status and redirectTo exclude each other");
        }
        if (status == null && redirectTo == null && latencyMs == 0) {
            throw new IllegalArgumentException("a webhook fault needs a status, a latencyMs or a redirectTo");
        }
    }

    /** Reads {@code {"status","latencyMs","times","redirectTo"}}; a null member counts as absent, others are refused. */
    public static WebhookFault fromJson(JsonObject json) {
        for (String name : json.keySet()) {
            if (!FIELDS.contains(name)) {
                String meant = ALIASES.get(name);
                throw new IllegalArgumentException("unknown field " + name + (meant == null ? "" : " (use " + meant + ")"));
            }
        }
        Integer status = present(json, "status") ? ControlJson.intValue(json, "status") : null;
        long latency = present(json, "latencyMs") ? ControlJson.intValue(json, "latencyMs") : 0;
        Integer times = present(json, "times") ? ControlJson.intValue(json, "times") : null;
        URI redirectTo = null;
        if (present(json, "redirectTo")) {
            if (!(json.get("redirectTo") instanceof JsonString s) || s.getString().length() > MAX_URI_LENGTH) {
                throw new IllegalArgumentException("redirectTo must be a URL of at most " + MAX_URI_LENGTH + " characters");
            }
            try {
                redirectTo = new URI(s.getString());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("redirectTo must be an absolute http or https URL");
            }
        }
        return new WebhookFault(status, latency, times, redirectTo);
    }

    /** {@code {"status"?,"latencyMs","times"?,"redirectTo"?}}: absent members are left out. */
    public JsonObjectBuilder toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder();
        if (status != null) {
            b.add("status", status);
        }
        b.add("latencyMs", latencyMs);
        if (times != null) {
            b.add("times", times);
        }
        if (redirectTo != null) {
            b.add("redirectTo", redirectTo.toString());
        }
        return b;
    }

    private static boolean isHttpUrl(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return uri.isAbsolute() && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                && uri.getFragment() == null;
    }

    private static boolean present(JsonObject json, String name) {
        return json.containsKey(name) && json.get(name) != JsonValue.NULL;
    }
}
