package io.consentgateway.it.support;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.Map;
import java.util.UUID;

/**
 * The sandbox's identity provider and test controls. Its counters are global and shared with every other test
 * on the server: read them before and after, and assert the difference — never absolute numbers, never reset.
 */
public final class Sandbox {
    public static final String EXCHANGE = "POST /auth/token authorization_code";
    public static final String REFRESH = "POST /auth/token refresh_token";

    private Sandbox() {
    }

    /** A bearer token of the demo identity provider for this user. */
    public static String tokenFor(String user) {
        Http.Response response = Http.postForm("/sandbox/idp/token", Map.of("user", user)).expect(200);
        String token = response.json().getString("access_token");
        Secrets.remember(token);
        return token;
    }

    /** A user name no other test (or earlier run on the same server) uses. */
    public static String uniqueUser(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    public static Stats stats() {
        return new Stats(Http.get("/sandbox/control/stats").expect(200).json());
    }

    public static void advanceClock(long seconds) {
        Http.postJson("/sandbox/control/clock", "{\"advanceSeconds\":" + seconds + "}").expect(200);
    }

    /** The simulators' today (their clock may have been moved forward). */
    public static java.time.LocalDate today() {
        return java.time.Instant.parse(Http.get("/sandbox/control/clock").expect(200).json().getString("now"))
                .atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }

    /** Books a transaction dated in the past for the user at nrich (a late booking); answers its id. */
    public static String bookAtNrich(String user, java.time.LocalDate bookingDate, String amount) {
        return Http.postJson("/sandbox/control/bookings", "{\"provider\":\"nrich\",\"user\":\"" + user
                        + "\",\"bookingDate\":\"" + bookingDate + "\",\"amount\":" + amount + "}")
                .expect(201).json().getJsonObject("transaction").getString("transaction_id");
    }

    /** Adds a fault rule; remove it with {@link #clearFaults()} in a finally block. */
    public static JsonObject addFault(String ruleJson) {
        return Http.postJson("/sandbox/control/faults", ruleJson).expect(201).json();
    }

    public static void clearFaults() {
        int status = Http.delete("/sandbox/control/faults").status();
        if (status / 100 != 2) {
            throw new AssertionError("could not clear the sandbox faults: " + status);
        }
    }

    /** A snapshot of the simulators' request counters. */
    public record Stats(JsonObject json) {
        public long nrich(String route) {
            return count("nrich", route);
        }

        public long count(String provider, String route) {
            JsonObject counters = json.getJsonObject(provider);
            JsonValue value = counters == null ? null : counters.get(route);
            return value instanceof JsonNumber n ? n.longValue() : 0;
        }

        /**
         * The POSTs the simulators took other than refreshes (which the scheduler makes on its own): flow starts, code
         * exchanges, bank data calls — what a request the gateway refused must never have caused.
         */
        public long postsButRefreshes(Stats later) {
            return later.postsButRefreshes() - postsButRefreshes();
        }

        /** The count behind {@link #postsButRefreshes(Stats)}. */
        public long postsButRefreshes() {
            long total = 0;
            for (String provider : json.keySet()) {
                for (Map.Entry<String, JsonValue> route : json.getJsonObject(provider).entrySet()) {
                    if (route.getKey().startsWith("POST ") && !route.getKey().endsWith("refresh_token")
                            && !route.getKey().contains("/widget") && !route.getKey().contains("/authorize")
                            && route.getValue() instanceof JsonNumber n) {
                        total += n.longValue();
                    }
                }
            }
            return total;
        }

        /** How many more {@code route} calls the nrich simulator saw in {@code later} than in this snapshot. */
        public long nrichDelta(Stats later, String route) {
            return later.nrich(route) - nrich(route);
        }
    }
}
