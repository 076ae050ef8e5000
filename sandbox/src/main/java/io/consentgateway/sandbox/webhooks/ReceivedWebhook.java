package io.consentgateway.sandbox.webhooks;

import io.consentgateway.sandbox.core.JsonBodies;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One webhook delivery the receiver recorded: its request headers (names lower-cased, several values of one name
 * joined with {@code ", "}), its body exactly as received, and when it arrived on the sandbox's clock.
 */
public record ReceivedWebhook(Instant receivedAt, Map<String, String> headers, String rawBody) {

    public ReceivedWebhook {
        Objects.requireNonNull(receivedAt, "receivedAt");
        headers = Collections.unmodifiableMap(new TreeMap<>(headers));
        Objects.requireNonNull(rawBody, "rawBody");
    }

    /**
     * Request headers as recorded: names lower-cased (HTTP names are case-insensitive), sorted; the values of one name,
     * also when sent under different spellings, joined with {@code ", "} in the order given.
     */
    public static Map<String, String> headersOf(Map<String, List<String>> requestHeaders) {
        Map<String, String> result = new TreeMap<>();
        if (requestHeaders == null) {
            return result;
        }
        requestHeaders.forEach((name, values) -> {
            if (name == null || values == null || values.isEmpty()) {
                return;
            }
            result.merge(name.toLowerCase(Locale.ROOT), String.join(", ", values), (a, b) -> a + ", " + b);
        });
        return result;
    }

    /** The body parsed, when the whole of it is one JSON value; otherwise the raw body as a JSON string. */
    public JsonValue body() {
        return JsonBodies.value(rawBody).orElseGet(() -> JsonBodies.provider().createValue(rawBody));
    }

    /**
     * Whether a delivery whose parsed body is {@code body} passes the filters (null: no filter): {@code type} the
     * body's top-level {@code "type"}, {@code userId} its {@code "data"."userId"}; both strings, compared exactly.
     */
    public static boolean matches(JsonValue body, String type, String userId) {
        if (type == null && userId == null) {
            return true;
        }
        if (!(body instanceof JsonObject object)) {
            return false;
        }
        if (type != null && !type.equals(JsonBodies.string(object, "type"))) {
            return false;
        }
        return userId == null
                || object.get("data") instanceof JsonObject data && userId.equals(JsonBodies.string(data, "userId"));
    }

    /** {@code {"headers":{…},"body":<parsed or a string>,"rawBody":"…","receivedAt":"…"}}, with {@code body} parsed. */
    public JsonObject toJson(JsonValue body) {
        JsonObjectBuilder names = JsonBodies.provider().createObjectBuilder();
        headers.forEach(names::add);
        return JsonBodies.provider().createObjectBuilder()
                .add("headers", names)
                .add("body", body)
                .add("rawBody", rawBody)
                .add("receivedAt", receivedAt.truncatedTo(ChronoUnit.MILLIS).toString())
                .build();
    }
}
