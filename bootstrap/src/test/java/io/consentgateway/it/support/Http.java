package io.consentgateway.it.support;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plain HTTP for the integration tests: redirects are never followed (each 303 is seen), every request has a
 * timeout. The server's base URL comes from the system property {@code it.base.url}. When the build names the server
 * it started ({@code it.instance-id}), the first request checks that {@code /health/live} answers with that label, and
 * every request fails while it does not: a green run against someone else's server would prove nothing.
 */
public final class Http {
    public static final String BASE = System.getProperty("it.base.url", "http://localhost:9080").replaceAll("/+$", "");
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /**
     * HTTP/1.1: one connection per concurrent request, as many browsers would open (no HTTP/2 stream limit). Connecting
     * may take as long as a request: in BurstIT, 200 connections opened at once while two cores run the server and 200
     * client threads, one connection once took more than 5 s to open although the kernel refused none (no listen
     * overflow): a loaded machine, not a refusal. A browser waits far longer than that before it gives up connecting.
     */
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();

    private Http() {
    }

    /** An absolute URI: {@code path} as is when absolute, else relative to {@link #BASE}. */
    public static URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://") ? pathOrUrl : BASE + pathOrUrl);
    }

    public static HttpRequest.Builder request(String pathOrUrl) {
        return HttpRequest.newBuilder(uri(pathOrUrl)).timeout(TIMEOUT);
    }

    public static Response send(HttpRequest request) {
        requireOwnServer();
        return exchange(request);
    }

    private static volatile String serverProblem;

    private static void requireOwnServer() {
        String expected = System.getProperty("it.instance-id");
        if (expected == null || expected.isBlank()) {
            return;
        }
        if (serverProblem == null) {
            synchronized (Http.class) {
                if (serverProblem == null) {
                    serverProblem = checkServer(expected);
                }
            }
        }
        if (!serverProblem.isEmpty()) {
            throw new AssertionError(serverProblem);
        }
    }

    private static String checkServer(String expected) {
        try {
            Response live = exchange(request("/health/live").GET().build());
            return live.body() != null && live.body().contains("\"instance\":\"" + expected + "\"") ? ""
                    : "the server at " + BASE + " is not the one this build started (instance " + expected + "): "
                    + live.describe();
        } catch (RuntimeException e) {
            return "the server this build started does not answer at " + BASE + ": " + e;
        }
    }

    private static Response exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(request.method() + " " + request.uri(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Response get(String pathOrUrl) {
        return send(request(pathOrUrl).GET().build());
    }

    public static Response postJson(String pathOrUrl, String json) {
        return send(request(pathOrUrl).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public static Response postForm(String pathOrUrl, Map<String, String> form) {
        return send(request(pathOrUrl).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
    }

    public static Response delete(String pathOrUrl) {
        return send(request(pathOrUrl).DELETE().build());
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The query parameters of a URI, decoded, in order (the last one wins on repeats). */
    public static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    /** A response with what the assertions need; {@code describe()} goes into failure messages. */
    public record Response(String call, HttpResponse<String> raw) {
        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        public URI location() {
            return URI.create(header("Location").orElseThrow(() -> new AssertionError("no Location header: " + describe())));
        }

        public JsonObject json() {
            return JsonSupport.object(body());
        }

        public JsonArray jsonArray() {
            return JsonSupport.array(body());
        }

        /** Asserts the status, and returns this response for more assertions. */
        public Response expect(int expected) {
            assertThat(status()).as(describe()).isEqualTo(expected);
            return this;
        }

        /** Asserts an RFC 9457 problem of this status and type slug; returns the problem. */
        public JsonObject expectProblem(int expectedStatus, String slug) {
            expect(expectedStatus);
            assertThat(header("Content-Type").orElse("")).as(describe()).startsWith(PROBLEM_JSON);
            JsonObject problem = json();
            assertThat(problem.getString("type", null)).as(describe()).isEqualTo("https://consent-gateway.io/problems/" + slug);
            assertThat(problem.getInt("status", -1)).as(describe()).isEqualTo(expectedStatus);
            assertThat(problem.getString("title", "")).as(describe()).isNotBlank();
            return problem;
        }

        /** Asserts an invalid-input problem (400) and answers the fields it names, in order. */
        public java.util.List<String> problemFields() {
            JsonObject problem = expectProblem(400, "invalid-input");
            return problem.getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field")).toList();
        }

        public String describe() {
            String shown = body() == null ? "" : body().length() > 600 ? body().substring(0, 600) + "…" : body();
            return call + " -> " + status() + " " + raw.headers().map() + " " + shown;
        }
    }
}
