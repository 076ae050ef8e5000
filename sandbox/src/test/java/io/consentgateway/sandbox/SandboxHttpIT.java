package io.consentgateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.consentgateway.sandbox.core.BasicCredentials;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox over real HTTP, deployed alone on its own Liberty server (on ports the build reserves, context root
 * /sandbox; every test first checks that it reached the server this build started). Proves the wiring the plain-object tests cannot: CDI, the JAX-RS filter (stats and
 * faults), content types, redirects and headers.
 */
class SandboxHttpIT {

    private static final String BASE = System.getProperty("sandbox.it.base.url", "http://localhost:9280/sandbox");
    private static final String REDIRECT = "https://app.example.com/callback";
    /** The bank accepts only registered redirect URIs; by default the gateway's demo callback. */
    private static final String BANK_REDIRECT = "http://localhost:9080/callback/tatrabanka";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<String> send(String method, String path, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : BASE + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> json(String method, String path, String body, String... headers) throws Exception {
        return send(method, path, "application/json", body, headers);
    }

    private HttpResponse<String> form(String path, Map<String, String> fields, String... headers) throws Exception {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send("POST", path, "application/x-www-form-urlencoded", body.toString(), headers);
    }

    private static String nrichBasic() {
        return BasicCredentials.header("demo-client", "demo-secret");
    }

    @BeforeEach
    void reset() throws Exception {
        String instance = System.getProperty("sandbox.it.instance-id");
        if (instance != null) {
            HttpResponse<String> answer = send("GET", "/control/instance", null, null);
            assertThat(answer.body()).as("the sandbox at " + BASE + " must be the one this build started")
                    .contains("\"instance\":\"" + instance + "\"");
        }
        assertThat(send("POST", "/control/reset", null, null).statusCode()).isEqualTo(204);
    }

    @Test
    void eachOfNrichsFourFlowCallsAnswersOnItsPathAndNoOtherPathIsOne() throws Exception {
        Map<String, String> bodies = Map.of(
                "/nrich/ongoing/access", "{\"redirect_uri\":\"" + REDIRECT + "\",\"user_id\":\"anna\"}",
                "/nrich/onetime/access", "{\"redirect_uri\":\"" + REDIRECT + "\"}",
                "/nrich/onetime/income-report", "{\"redirect_uri\":\"" + REDIRECT + "\"}",
                "/nrich/ongoing/sync", "{\"redirect_uri\":\"" + REDIRECT + "\",\"user_id\":\"anna\"}");
        for (Map.Entry<String, String> call : bodies.entrySet()) {
            HttpResponse<String> created = json("POST", call.getKey(), call.getValue(), "Authorization", nrichBasic());
            assertThat(created.statusCode()).as(call.getKey()).isEqualTo(201);
            assertThat(TestSupport.json(created.body()).getString("location")).contains("/nrich/widget/");
        }
        for (String none : java.util.List.of("/nrich/onetime/sync", "/nrich/ongoing/income-report", "/nrich/ongoing")) {
            assertThat(json("POST", none, bodies.get("/nrich/onetime/access"), "Authorization", nrichBasic()).statusCode())
                    .as(none).isEqualTo(404);
        }
    }

    @Test
    void aRawNrichJourneyWorksOverHttpAndReuseOfARefreshTokenRevokesTheChain() throws Exception {
        HttpResponse<String> created = json("POST", "/nrich/ongoing/access",
                "{\"redirect_uri\":\"" + REDIRECT + "\",\"user_id\":\"anna\",\"state\":\"st-1\"}", "Authorization", nrichBasic());
        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject flow = TestSupport.json(created.body());
        assertThat(flow.getString("location")).isEqualTo(BASE + "/nrich/widget/" + flow.getString("id"));

        HttpResponse<String> widget = send("GET", flow.getString("location"), null, null);
        assertThat(widget.statusCode()).isEqualTo(200);
        assertThat(widget.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(widget.body()).contains("id=\"approve\"");

        HttpResponse<String> approved = form(flow.getString("location"), Map.of("action", "approve", "bank", "Spreebank Berlin"));
        assertThat(approved.statusCode()).isEqualTo(303);
        Map<String, String> callback = TestSupport.query(URI.create(approved.headers().firstValue("Location").orElseThrow()));
        assertThat(callback).containsEntry("state", "st-1").containsEntry("success", "true").containsEntry("abort", "false")
                .containsEntry("flow_id", flow.getString("id"));

        HttpResponse<String> exchanged = json("POST", "/nrich/auth/token", "{\"grant_type\":\"authorization_code\",\"code\":\""
                + callback.get("code") + "\",\"redirect_uri\":\"" + REDIRECT + "\"}", "Authorization", nrichBasic());
        assertThat(exchanged.statusCode()).isEqualTo(200);
        assertThat(exchanged.headers().firstValue("Cache-Control")).contains("no-store");
        JsonObject tokens = TestSupport.json(exchanged.body());

        HttpResponse<String> accounts = send("GET", "/nrich/rest/accounts", null, null,
                "Authorization", "Bearer " + tokens.getString("access_token"));
        assertThat(accounts.statusCode()).isEqualTo(200);
        String accountId = TestSupport.json(accounts.body()).getJsonArray("accounts").getJsonObject(0).getString("account_id");
        assertThat(send("GET", "/nrich/rest/accounts/" + accountId + "/transactions?count=10&offset=20", null, null,
                "Authorization", "Bearer " + tokens.getString("access_token")).statusCode()).isEqualTo(200);

        String refreshBody = "{\"grant_type\":\"refresh_token\",\"refresh_token\":\"" + tokens.getString("refresh_token") + "\"}";
        HttpResponse<String> refreshed = json("POST", "/nrich/auth/token", refreshBody, "Authorization", nrichBasic());
        assertThat(refreshed.statusCode()).isEqualTo(200);
        String newAccess = TestSupport.json(refreshed.body()).getString("access_token");

        HttpResponse<String> reuse = json("POST", "/nrich/auth/token", refreshBody, "Authorization", nrichBasic());
        assertThat(reuse.statusCode()).isEqualTo(400);
        assertThat(TestSupport.json(reuse.body()).getJsonObject("error").getInt("code")).isEqualTo(1000);
        HttpResponse<String> revoked = send("GET", "/nrich/rest/accounts", null, null, "Authorization", "Bearer " + newAccess);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");

        JsonObject stats = TestSupport.json(send("GET", "/control/stats", null, null).body()).getJsonObject("nrich");
        assertThat(stats.getInt("POST /ongoing/access")).isEqualTo(1);
        assertThat(stats.getInt("POST /auth/token authorization_code")).isEqualTo(1);
        assertThat(stats.getInt("POST /auth/token refresh_token")).isEqualTo(2);
        assertThat(stats.getInt("GET /rest/accounts")).isEqualTo(2);
        assertThat(stats.getInt("GET /rest/accounts/{account_id}/transactions")).isEqualTo(1);
        assertThat(stats.getInt("POST /widget/{flow_id}")).isEqualTo(1);
    }

    @Test
    void missingClientAuthenticationIsAnswered401WithABasicChallenge() throws Exception {
        HttpResponse<String> response = json("POST", "/nrich/onetime/access", "{\"redirect_uri\":\"" + REDIRECT + "\"}");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"nrich\"");
    }

    @Test
    void aFaultBeforeProcessingAnswers503WithRetryAfterAndIsCleared() throws Exception {
        HttpResponse<String> fault = json("POST", "/control/faults",
                "{\"provider\":\"nrich\",\"path\":\"/onetime\",\"status\":503}");
        assertThat(fault.statusCode()).isEqualTo(201);

        HttpResponse<String> failed = json("POST", "/nrich/onetime/access", "{\"redirect_uri\":\"" + REDIRECT + "\"}",
                "Authorization", nrichBasic());
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.headers().firstValue("Retry-After")).contains("1");

        assertThat(send("DELETE", "/control/faults", null, null).statusCode()).isEqualTo(204);
        assertThat(json("POST", "/nrich/onetime/access", "{\"redirect_uri\":\"" + REDIRECT + "\"}",
                "Authorization", nrichBasic()).statusCode()).isEqualTo(201);
    }

    @Test
    void aFaultAfterProcessingLosesTheResponseButConsumesTheCode() throws Exception {
        JsonObject flow = TestSupport.json(json("POST", "/nrich/onetime/access", "{\"redirect_uri\":\"" + REDIRECT + "\"}",
                "Authorization", nrichBasic()).body());
        String code = TestSupport.query(URI.create(form(flow.getString("location"),
                Map.of("action", "approve", "bank", "Isar Sparkasse")).headers().firstValue("Location").orElseThrow())).get("code");
        json("POST", "/control/faults", "{\"provider\":\"nrich\",\"path\":\"/auth/token\",\"status\":502,\"afterProcessing\":true}");
        String exchange = "{\"grant_type\":\"authorization_code\",\"code\":\"" + code + "\",\"redirect_uri\":\"" + REDIRECT + "\"}";

        HttpResponse<String> lost = json("POST", "/nrich/auth/token", exchange, "Authorization", nrichBasic());
        assertThat(lost.statusCode()).isEqualTo(502);
        assertThat(lost.body()).doesNotContain("access_token");

        send("DELETE", "/control/faults", null, null);
        assertThat(json("POST", "/nrich/auth/token", exchange, "Authorization", nrichBasic()).statusCode()).isEqualTo(400);
    }

    @Test
    void theClockControlMovesTokenLifetimes() throws Exception {
        JsonObject flow = TestSupport.json(json("POST", "/nrich/onetime/access", "{\"redirect_uri\":\"" + REDIRECT + "\"}",
                "Authorization", nrichBasic()).body());
        String code = TestSupport.query(URI.create(form(flow.getString("location"),
                Map.of("action", "approve", "bank", "Isar Sparkasse")).headers().firstValue("Location").orElseThrow())).get("code");

        HttpResponse<String> moved = json("POST", "/control/clock", "{\"advanceSeconds\":3600}");

        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(TestSupport.json(moved.body()).getInt("offsetSeconds")).isEqualTo(3600);
        assertThat(json("POST", "/nrich/auth/token", "{\"grant_type\":\"authorization_code\",\"code\":\"" + code
                + "\",\"redirect_uri\":\"" + REDIRECT + "\"}", "Authorization", nrichBasic()).statusCode()).isEqualTo(400);
    }

    @Test
    void anUnknownWidgetIsA404HtmlPageAndCancelRedirectsWithAbort() throws Exception {
        HttpResponse<String> unknown = send("GET", "/nrich/widget/" + UUID.randomUUID(), null, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");

        JsonObject flow = TestSupport.json(json("POST", "/nrich/onetime/access", "{\"redirect_uri\":\"" + REDIRECT + "\"}",
                "Authorization", nrichBasic()).body());
        HttpResponse<String> cancelled = form(flow.getString("location"), Map.of("action", "cancel"));
        assertThat(cancelled.statusCode()).isEqualTo(303);
        assertThat(TestSupport.query(URI.create(cancelled.headers().firstValue("Location").orElseThrow())))
                .containsEntry("abort", "true").doesNotContainKey("code");
    }

    @Test
    void aBankJourneyWithPkceWorksOverHttp() throws Exception {
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        String authorize = "/bank/auth/oauth/v2/authorize?client_id=demo-bank-client&response_type=code&redirect_uri="
                + URLEncoder.encode(BANK_REDIRECT, StandardCharsets.UTF_8) + "&scope=AISP&state=b-1"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
        assertThat(send("GET", authorize, null, null).statusCode()).isEqualTo(200);

        HttpResponse<String> approved = form(authorize, Map.of("action", "approve", "user", "jan.novak"));
        assertThat(approved.statusCode()).isEqualTo(303);
        Map<String, String> callback = TestSupport.query(URI.create(approved.headers().firstValue("Location").orElseThrow()));
        assertThat(callback).containsEntry("state", "b-1");

        String bankBasic = BasicCredentials.header("demo-bank-client", "demo-bank-secret");
        HttpResponse<String> token = form("/bank/auth/oauth/v2/token", Map.of("grant_type", "authorization_code",
                "code", callback.get("code"), "redirect_uri", BANK_REDIRECT, "code_verifier", verifier), "Authorization", bankBasic);
        assertThat(token.statusCode()).isEqualTo(200);
        String access = TestSupport.json(token.body()).getString("access_token");

        String requestId = UUID.randomUUID().toString();
        HttpResponse<String> accounts = send("GET", "/bank/api/v1/accounts?page=1&pageSize=10", null, null,
                "Authorization", "Bearer " + access, "Request-ID", requestId);
        assertThat(accounts.statusCode()).isEqualTo(200);
        assertThat(accounts.headers().firstValue("Request-ID")).contains(requestId);
        String iban = TestSupport.json(accounts.body()).getJsonArray("accounts").getJsonObject(0).getString("iban");

        HttpResponse<String> transactions = json("POST", "/bank/api/v1/accounts/transactions",
                "{\"iban\":\"" + iban + "\",\"status\":\"BOOK\",\"page\":1,\"pageSize\":100}",
                "Authorization", "Bearer " + access, "Request-ID", requestId);
        assertThat(transactions.statusCode()).isEqualTo(200);
        assertThat(TestSupport.json(transactions.body()).getJsonArray("transactions")).hasSize(100);
        assertThat(json("POST", "/bank/api/v1/accounts/transactions", "{\"iban\":\"" + iban + "\",\"pageSize\":5}",
                "Authorization", "Bearer " + access, "Request-ID", requestId).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/bank/api/v1/accounts", null, null, "Authorization", "Bearer " + access).statusCode())
                .isEqualTo(400);

        HttpResponse<String> unauthenticated = form("/bank/auth/oauth/v2/token", Map.of("grant_type", "refresh_token",
                "refresh_token", "x"));
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(TestSupport.json(unauthenticated.body()).getString("error")).isEqualTo("invalid_client");

        JsonObject stats = TestSupport.json(send("GET", "/control/stats", null, null).body()).getJsonObject("bank");
        assertThat(stats.getInt("POST /auth/oauth/v2/token authorization_code")).isEqualTo(1);
        assertThat(stats.getInt("GET /api/v1/accounts")).isEqualTo(2);
    }

    @Test
    void theIdpTokenVerifiesWithTheJwksOverHttp() throws Exception {
        HttpResponse<String> token = form("/idp/token", Map.of("user", "anna"));
        assertThat(token.statusCode()).isEqualTo(200);
        String jwt = TestSupport.json(token.body()).getString("access_token");
        JsonObject jwk = TestSupport.json(send("GET", "/idp/jwks", null, null).body()).getJsonArray("keys").getJsonObject(0);

        var key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("n"))),
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("e")))));
        String[] parts = jwt.split("\\.");
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(key);
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));

        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        assertThat(form("/idp/token", Map.of("user", "bad user")).statusCode()).isEqualTo(400);
    }

    @Test
    void theWidgetsErrorPageIsAPageAndNoProviderPageMayBeFramed() throws Exception {
        HttpResponse<String> created = json("POST", "/nrich/ongoing/access",
                "{\"redirect_uri\":\"" + REDIRECT + "\",\"user_id\":\"anna\",\"state\":\"st-2\"}", "Authorization", nrichBasic());
        String widget = TestSupport.json(created.body()).getString("location");

        HttpResponse<String> noBank = form(widget, Map.of("action", "approve"));

        assertThat(noBank.statusCode()).isEqualTo(400);
        assertThat(noBank.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(noBank.body()).as("served as a page, not as its escaped source").startsWith("<!DOCTYPE html>")
                .doesNotContain("&lt;html");
        for (HttpResponse<String> page : java.util.List.of(noBank, send("GET", widget, null, null))) {
            assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");
        }
    }

    @Test
    void theWebhookReceiverRecordsHeadersAndTheExactBodyAndMisbehavesOnRequest() throws Exception {
        String event = "{ \"type\" : \"consent.revoked\",\r\n \"data\":{\"userId\":\"J\u00fcrgen \u20ac\",\"amount\":1.50} }\n";
        HttpResponse<String> posted = send("POST", "/webhooks", "application/json", event,
                "X-Signature", "sha256=abc", "X-Multi", "a", "X-Multi", "b");
        assertThat(posted.statusCode()).isEqualTo(204);
        assertThat(send("POST", "/webhooks", "text/plain", "not json", "X-Signature", "none").statusCode()).isEqualTo(204);

        HttpResponse<String> listed = send("GET", "/webhooks?type=consent.revoked", null, null);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        jakarta.json.JsonArray deliveries;
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(listed.body()))) {
            deliveries = reader.readArray();
        }
        assertThat(deliveries).hasSize(1);
        JsonObject delivery = deliveries.getJsonObject(0);
        assertThat(delivery.getString("rawBody")).isEqualTo(event);
        assertThat(delivery.getJsonObject("body").getJsonObject("data").getString("userId")).isEqualTo("J\u00fcrgen \u20ac");
        assertThat(delivery.getJsonObject("headers").getString("x-signature")).isEqualTo("sha256=abc");
        assertThat(delivery.getJsonObject("headers").getString("x-multi")).isEqualTo("a, b");
        assertThat(delivery.getJsonObject("headers").getString("content-type")).isEqualTo("application/json");
        assertThat(delivery.getJsonObject("headers").keySet()).allMatch(name -> name.equals(name.toLowerCase(java.util.Locale.ROOT)));
        assertThat(send("GET", "/webhooks?user=anna", null, null).statusCode()).isEqualTo(400);

        assertThat(json("POST", "/control/webhooks", "{\"status\":503,\"times\":1}").statusCode()).isEqualTo(200);
        HttpResponse<String> failed = json("POST", "/webhooks", "{}");
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.headers().firstValue("Retry-After")).contains("1");
        assertThat(failed.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        json("POST", "/control/webhooks", "{\"redirectTo\":\"http://example.invalid/hooks\",\"times\":1}");
        HttpResponse<String> redirected = json("POST", "/webhooks", "{}");
        assertThat(redirected.statusCode()).isEqualTo(307);
        assertThat(redirected.headers().firstValue("Location")).contains("http://example.invalid/hooks");
        assertThat(json("POST", "/webhooks", "{}").statusCode()).isEqualTo(204);

        JsonObject stats = TestSupport.json(send("GET", "/control/stats", null, null).body()).getJsonObject("webhooks");
        assertThat(stats.getInt("received")).isEqualTo(3);
        assertThat(stats.getInt("refused")).isEqualTo(2);
        assertThat(send("DELETE", "/webhooks", null, null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/webhooks", null, null).body()).isEqualTo("[]");
    }

    @Test
    void inputTheSandboxCannotReadIsA400NeverA500() throws Exception {
        String deep = "[".repeat(2_000) + "]".repeat(2_000);
        assertThat(json("POST", "/nrich/ongoing/access", deep, "Authorization", nrichBasic()).statusCode()).isEqualTo(400);
        assertThat(json("POST", "/control/bookings", deep).statusCode()).isEqualTo(400);

        // A malformed percent escape, which java.net.URI refuses to build: sent as raw HTTP.
        URI base = URI.create(BASE);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + base.getPath() + "/webhooks?userId=%ZZ HTTP/1.1\r\nHost: "
                    + base.getHost() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(status).startsWith("HTTP/1.1 400");
        }
    }
}
