package io.consentgateway.adapter.out.webhooks;

import com.sun.net.httpserver.HttpServer;
import io.consentgateway.application.port.out.EventType;
import io.consentgateway.application.port.out.GatewayEvent;
import io.consentgateway.application.port.out.WebhookSender;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.shared.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sender against a real HTTP receiver, checked with the specification's algorithm written again here. */
class HttpWebhookSenderTest {
    static final String NEW_SECRET = "whsec_" + Base64.getEncoder().encodeToString("a-new-secret-of-32-bytes-length!".getBytes());
    static final String OLD_SECRET = "whsec_" + Base64.getEncoder().encodeToString("the-old-secret-still-accepted!!!".getBytes());

    record Received(Map<String, String> headers, String body) {
    }

    HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger answer = new AtomicInteger(204);
    volatile long delayMillis;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(", ", values)));
            received.add(new Received(headers, body));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (answer.get() == 307) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks");
            }
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    HttpWebhookSender sender(String secrets) {
        Map<String, String> config = Map.of("cg.webhooks.endpoints", "fintech",
                "cg.webhooks.endpoint.fintech.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks",
                "cg.webhooks.endpoint.fintech.secrets", secrets);
        return new HttpWebhookSender(WebhookEndpoints.from(key -> Optional.ofNullable(config.get(key)), List.of()),
                Duration.ofSeconds(1), Duration.ofMillis(2_000));
    }

    static GatewayEvent event() {
        return new GatewayEvent(UUID.randomUUID(), EventType.CONSENT_REVOKED, Instant.parse("2026-03-02T08:00:00Z"),
                new UserId("alice \"quoted\""), new ProviderId("nrich"), Optional.of(ConsentId.random()), Optional.empty(),
                "REVOKED", Optional.empty());
    }

    /** The Standard Webhooks check, written from the specification. */
    static boolean verifies(Received message, String secret) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String signed = message.headers().get("webhook-id") + "." + message.headers().get("webhook-timestamp") + "."
                + message.body();
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        return List.of(message.headers().get("webhook-signature").split(" ")).contains(expected);
    }

    @Test
    void aMessageIsSignedWithEverySecretAndVerifiesWithEach() throws Exception {
        GatewayEvent event = event();
        Instant at = Instant.parse("2026-03-02T08:00:07Z");

        WebhookSender.Attempt attempt = sender(NEW_SECRET + ", " + OLD_SECRET).send("fintech", event, at);

        assertThat(attempt.taken()).isTrue();
        Received message = received.get(0);
        assertThat(message.headers()).containsEntry("webhook-id", "evt_" + event.id())
                .containsEntry("webhook-timestamp", Long.toString(at.getEpochSecond()))
                .containsEntry("content-type", "application/json");
        assertThat(verifies(message, NEW_SECRET)).isTrue();
        assertThat(verifies(message, OLD_SECRET)).isTrue();
        assertThat(verifies(message, "whsec_" + Base64.getEncoder().encodeToString("someone-else-s-secret-32-bytes!!".getBytes())))
                .isFalse();
        assertThat(message.body()).isEqualTo("{\"type\":\"consent.revoked\",\"timestamp\":\"2026-03-02T08:00:00Z\","
                + "\"data\":{\"eventId\":\"" + event.id() + "\",\"userId\":\"alice \\\"quoted\\\"\",\"provider\":\"nrich\","
                + "\"consentId\":\"" + event.consentId().orElseThrow().value() + "\",\"status\":\"REVOKED\"}}");
    }

    @Test
    void aRetryIsTheSameMessageWithItsOwnTimestamp() throws Exception {
        GatewayEvent event = event();
        HttpWebhookSender sender = sender(NEW_SECRET);

        sender.send("fintech", event, Instant.parse("2026-03-02T08:00:00Z"));
        sender.send("fintech", event, Instant.parse("2026-03-02T08:05:00Z"));

        assertThat(received).extracting(r -> r.headers().get("webhook-id")).containsOnly("evt_" + event.id());
        assertThat(received.get(0).body()).isEqualTo(received.get(1).body());
        assertThat(received.get(1).headers().get("webhook-timestamp")).isNotEqualTo(received.get(0).headers().get("webhook-timestamp"));
        assertThat(verifies(received.get(1), NEW_SECRET)).isTrue();
    }

    @Test
    void anErrorARedirectAndAHangAreNotTakenAndNamedWithoutTheReceiversBody() {
        HttpWebhookSender sender = sender(NEW_SECRET);

        answer.set(500);
        assertThat(sender.send("fintech", event(), Instant.now())).isEqualTo(WebhookSender.Attempt.notTaken("HTTP 500"));
        answer.set(307);
        WebhookSender.Attempt redirected = sender.send("fintech", event(), Instant.now());
        assertThat(redirected.taken()).isFalse();
        assertThat(redirected.detail()).contains("307").contains("not followed");
        assertThat(received).hasSize(2);
        answer.set(204);
        delayMillis = 6_000;
        long started = System.nanoTime();
        assertThat(sender.send("fintech", event(), Instant.now()).detail()).isEqualTo("no answer within 2000 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(5_000));
    }

    @Test
    void anUnreachableReceiverIsNotTaken() {
        HttpWebhookSender sender = sender(NEW_SECRET);
        server.stop(0);

        assertThat(sender.send("fintech", event(), Instant.now()).detail()).startsWith("not reached");
    }

    @Test
    void endpointsThatBreakARuleStopTheStartWithTheirKey() {
        assertThatThrownBy(() -> endpoints("http://bank.example/hooks", NEW_SECRET))
                .hasMessage("configuration key cg.webhooks.endpoint.x.url must be https (http only on a loopback host)");
        assertThatThrownBy(() -> endpoints("https://user:pw@bank.example/hooks", NEW_SECRET))
                .hasMessageContaining("cg.webhooks.endpoint.x.url must have no user-info");
        assertThatThrownBy(() -> endpoints("ftp://bank.example/hooks", NEW_SECRET))
                .hasMessageContaining("cg.webhooks.endpoint.x.url must be an absolute https URL");
        assertThatThrownBy(() -> endpoints("not a url", NEW_SECRET)).hasMessageContaining("cg.webhooks.endpoint.x.url");
        assertThatThrownBy(() -> endpoints("http://localhost:9080/api/v1/consents", NEW_SECRET))
                .hasMessage("configuration key cg.webhooks.endpoint.x.url points at this gateway's own API");
        assertThatThrownBy(() -> endpoints("https://gateway.example/callback", NEW_SECRET))
                .hasMessage("configuration key cg.webhooks.endpoint.x.url points at this gateway's own API");
        assertThatThrownBy(() -> endpoints("https://bank.example/hooks", "s3cr3t"))
                .hasMessageContaining("cg.webhooks.endpoint.x.secrets").hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> endpoints("https://bank.example/hooks", "whsec_c2hvcnQ="))
                .hasMessageContaining("24 to 64 bytes");
        assertThatThrownBy(() -> endpoints("https://bank.example/hooks", ""))
                .hasMessageContaining("cg.webhooks.endpoint.x.secrets is missing");

        assertThat(endpoints("https://bank.example/hooks", NEW_SECRET).names()).containsExactly("x");
        assertThat(endpoints("http://localhost:9080/sandbox/webhooks", NEW_SECRET).names()).containsExactly("x");
        assertThat(endpoints("http://[::1]:8000/hooks", NEW_SECRET).names()).containsExactly("x");
    }

    @Test
    void aProductionDeploymentRefusesTheDemoSecretNamingTheKeyNotTheSecret() {
        Map<String, String> production = Map.of("cg.deployment", "production", "cg.webhooks.endpoints", "fintech",
                "cg.webhooks.endpoint.fintech.url", "https://bank.example/hooks",
                "cg.webhooks.endpoint.fintech.secrets", NEW_SECRET + "," + WebhookEndpoints.DEMO_SECRET);

        assertThatThrownBy(() -> WebhookEndpoints.from(key -> Optional.ofNullable(production.get(key)), List.of()))
                .hasMessageContaining("cg.webhooks.endpoint.fintech.secrets").hasMessageContaining("demo value")
                .hasMessageNotContaining(WebhookEndpoints.DEMO_SECRET);
        Map<String, String> demo = new java.util.HashMap<>(production);
        demo.remove("cg.deployment");
        assertThat(WebhookEndpoints.from(key -> Optional.ofNullable(demo.get(key)), List.of()).names())
                .containsExactly("fintech");
    }

    @Test
    void theEndpointsSignedWithTheDemoSecretAreNamedOnceEachForTheStartUpWarning() {
        Map<String, String> config = Map.of("cg.webhooks.endpoints", "own,demo,both",
                "cg.webhooks.endpoint.own.url", "https://a.example/hooks",
                "cg.webhooks.endpoint.own.secrets", NEW_SECRET,
                "cg.webhooks.endpoint.demo.url", "https://b.example/hooks",
                "cg.webhooks.endpoint.demo.secrets", WebhookEndpoints.DEMO_SECRET + "," + WebhookEndpoints.DEMO_SECRET,
                "cg.webhooks.endpoint.both.url", "https://c.example/hooks",
                "cg.webhooks.endpoint.both.secrets", NEW_SECRET + "," + WebhookEndpoints.DEMO_SECRET);

        WebhookEndpoints endpoints = WebhookEndpoints.from(key -> Optional.ofNullable(config.get(key)), List.of());

        assertThat(endpoints.signedWithDemoSecret()).containsExactly("demo", "both");
        assertThat(endpoints("https://d.example/hooks", NEW_SECRET).signedWithDemoSecret()).isEmpty();
    }

    @Test
    void httpIsRefusedOnANameThatOnlyLooksLikeThisMachine() {
        assertThatThrownBy(() -> endpoints("http://127.0.0.1.attacker.example/hooks", NEW_SECRET))
                .hasMessageContaining("must be https");
        assertThatThrownBy(() -> endpoints("http://localhost.attacker.example/hooks", NEW_SECRET))
                .hasMessageContaining("must be https");
        assertThat(endpoints("http://127.0.0.2:8000/hooks", NEW_SECRET).names()).containsExactly("x");
    }

    private static WebhookEndpoints endpoints(String url, String secrets) {
        Map<String, String> config = Map.of("cg.webhooks.endpoints", "x", "cg.webhooks.endpoint.x.url", url,
                "cg.webhooks.endpoint.x.secrets", secrets);
        return WebhookEndpoints.from(key -> Optional.ofNullable(config.get(key)),
                List.of("https://gateway.example:443", "http://localhost:9080"));
    }
}
