package io.consentgateway.sandbox.core;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.Optional;

/** Parses request bodies with JSON-P, never throwing on bad input. */
public final class JsonBodies {

    private JsonBodies() {
    }

    /**
     * The JSON-P provider, looked up once. {@code Json.createParser}, {@code Json.createObjectBuilder} and the like
     * look it up (a ServiceLoader scan) on every call: some fifty times slower, which shows where thousands of
     * values are read or built at once (the webhook receiver's listing).
     */
    public static JsonProvider provider() {
        return Provider.INSTANCE;
    }

    private static final class Provider {
        static final JsonProvider INSTANCE = JsonProvider.provider();
    }

    /** The body as a JSON object; empty when it is blank, malformed (nested too deeply included) or not an object. */
    public static Optional<JsonObject> object(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject o ? Optional.of(o) : Optional.empty();
        } catch (RuntimeException e) {
            // JsonException, or the parser's own RuntimeException for input nested deeper than it reads.
            return Optional.empty();
        }
    }

    /**
     * The body as any JSON value (object, array, string, number, literal); empty when it is blank or malformed, or
     * when anything but whitespace follows the value ({@code {"a":1} x}, which a plain {@code JsonReader} would accept).
     */
    public static Optional<JsonValue> value(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try (JsonParser parser = provider().createParser(new StringReader(body))) {
            parser.next();
            JsonValue value = parser.getValue();
            return parser.hasNext() ? Optional.empty() : Optional.of(value);
        } catch (RuntimeException e) {
            // JsonException, IllegalStateException, NoSuchElementException, or input nested too deeply.
            return Optional.empty();
        }
    }

    /** A string member, or null when absent, null or not a string. */
    public static String string(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v instanceof jakarta.json.JsonString s ? s.getString() : null;
    }
}
