package io.consentgateway.it.support;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the sandbox's webhook receiver got from the gateway, and the Standard Webhooks check written again here from
 * the specification (not the gateway's class): a delivery counts only if its signature verifies.
 */
public final class Webhooks {
    /** The demo configuration's secret for the sandbox endpoint (public; the IT server uses the demo configuration). */
    public static final String DEMO_SECRET = "whsec_ZGVtby1zZWNyZXQtZm9yLXRoZS1zYW5kYm94LW9ubHk=";

    private Webhooks() {
    }

    /** One received delivery: its headers (lower-case names), its exact body and the body parsed. */
    public record Delivery(JsonObject headers, String rawBody, JsonObject body) {
        public String id() {
            return headers.getString("webhook-id");
        }

        public String type() {
            return body.getString("type");
        }

        public JsonObject data() {
            return body.getJsonObject("data");
        }

        /** The specification's algorithm: HMAC-SHA256 of id.timestamp.body, base64, one of the v1 signatures. */
        public boolean verifiesWith(String secret) {
            try {
                byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                String signed = id() + "." + headers.getString("webhook-timestamp") + "." + rawBody;
                String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
                return List.of(headers.getString("webhook-signature").split(" ")).contains(expected);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Every delivery the receiver recorded for the user, oldest first. */
    public static List<Delivery> of(String user) {
        return Http.get("/sandbox/webhooks?userId=" + URLEncoder.encode(user, StandardCharsets.UTF_8)).expect(200)
                .jsonArray().stream().map(JsonValue::asJsonObject)
                .map(d -> new Delivery(d.getJsonObject("headers"), d.getString("rawBody"), d.getJsonObject("body")))
                .toList();
    }

    /** Waits until the user's deliveries satisfy {@code until}, and answers them. */
    public static List<Delivery> await(String user, Duration within, Predicate<List<Delivery>> until) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            List<Delivery> received = of(user);
            if (until.test(received)) {
                return received;
            }
            assertThat(System.nanoTime()).as("deliveries for %s within %s; so far %s", user, within,
                    received.stream().map(Delivery::type).toList()).isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Waits until a delivery of each type has arrived for the user. */
    public static List<Delivery> awaitTypes(String user, String... types) {
        return await(user, Duration.ofSeconds(30),
                received -> received.stream().map(Delivery::type).toList().containsAll(List.of(types)));
    }

    /** Makes the receiver misbehave ({"status":…,"latencyMs":…,"redirectTo":…,"times":…}); heal with {@link #heal()}. */
    public static void misbehave(String faultJson) {
        Http.postJson("/sandbox/control/webhooks", faultJson).expect(200);
    }

    public static void heal() {
        Http.send(Http.request("/sandbox/control/webhooks").DELETE().build()).expect(204);
    }

    /** The POSTs the receiver answered without recording, so far (all tests together). */
    public static long refused() {
        return Http.get("/sandbox/control/stats").expect(200).json().getJsonObject("webhooks").getJsonNumber("refused")
                .longValue();
    }
}
