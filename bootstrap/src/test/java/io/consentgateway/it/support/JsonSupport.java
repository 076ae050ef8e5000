package io.consentgateway.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.List;

/** Small JSON-P helpers for reading the API's answers in tests. */
public final class JsonSupport {
    private JsonSupport() {
    }

    public static JsonValue parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    public static JsonObject object(String text) {
        return parse(text).asJsonObject();
    }

    public static JsonArray array(String text) {
        return parse(text).asJsonArray();
    }

    /** A string member, or null when absent or JSON null. */
    public static String string(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonString s ? s.getString() : null;
    }

    /** The {@code field} of each entry of a problem's {@code errors}. */
    public static List<String> errorFields(JsonObject problem) {
        JsonValue errors = problem.get("errors");
        if (!(errors instanceof JsonArray array)) {
            return List.of();
        }
        return array.stream().map(e -> e.asJsonObject().getString("field")).toList();
    }

    /** Escapes a string for a hand-written JSON body. */
    public static String quote(String text) {
        return Json.createValue(text).toString();
    }
}
