package io.consentgateway.sandbox.core;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;

/** Parses request bodies with JSON-P, never throwing on bad input. */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** The body as a JSON object; empty when it is blank, malformed or not an object. */
    public static Optional<JsonObject> object(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject o ? Optional.of(o) : Optional.empty();
        } catch (JsonException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** A string member, or null when absent, null or not a string. */
    public static String string(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v instanceof jakarta.json.JsonString s ? s.getString() : null;
    }
}
