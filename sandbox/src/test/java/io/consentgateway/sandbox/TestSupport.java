package io.consentgateway.sandbox;

import io.consentgateway.sandbox.core.BasicCredentials;
import io.consentgateway.sandbox.core.SandboxClock;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shared helpers for the sandbox's tests: a sandbox on a fixed clock, JSON and query parsing. */
public final class TestSupport {

    public static final Instant START = Instant.parse("2026-03-10T09:00:00Z");
    public static final URI BASE = URI.create("http://localhost:9080/sandbox/");
    public static final String NRICH_BASIC = BasicCredentials.header("demo-client", "demo-secret");
    public static final String BANK_BASIC = BasicCredentials.header("demo-bank-client", "demo-bank-secret");

    private TestSupport() {
    }

    public static Sandbox sandbox() {
        return Sandbox.withDefaults(SandboxClock.fixedAt(START));
    }

    /** A response's body as text, whether the resource gave it as a String or as bytes (the HTML pages). */
    public static String text(Response response) {
        Object entity = response.getEntity();
        return entity instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : (String) entity;
    }

    public static JsonObject json(Response response) {
        return json((String) response.getEntity());
    }

    public static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** The decoded query parameters of a URI, in order. */
    public static Map<String, String> query(URI uri) {
        Map<String, String> result = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return result;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            result.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return result;
    }
}
