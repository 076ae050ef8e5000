package io.consentgateway.adapter.out.nrich.http;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * nrich's error body, {@code {"error":{"code":1000,"group":"client","description":"...","data":{...}}}}, read
 * leniently: anything else (HTML, empty, another shape) yields an empty body.
 *
 * @param fieldErrors {@code error.data}: field name to messages (a string, an array of strings, or any JSON as text)
 */
public record NrichErrorBody(Optional<String> code, Optional<String> group, Optional<String> description,
                             boolean hasData, Map<String, List<String>> fieldErrors) {

    public static final NrichErrorBody NONE = new NrichErrorBody(Optional.empty(), Optional.empty(), Optional.empty(),
            false, Map.of());

    public static NrichErrorBody parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue root = reader.readValue();
            if (!(root instanceof JsonObject object) || !(object.get("error") instanceof JsonObject error)) {
                return NONE;
            }
            Map<String, List<String>> fields = new LinkedHashMap<>();
            boolean hasData = error.get("data") instanceof JsonObject;
            if (hasData) {
                for (Map.Entry<String, JsonValue> entry : error.getJsonObject("data").entrySet()) {
                    fields.put(entry.getKey(), messages(entry.getValue()));
                }
            }
            return new NrichErrorBody(text(error.get("code")), text(error.get("group")), text(error.get("description")),
                    hasData, Map.copyOf(fields));
        } catch (RuntimeException e) {
            return NONE;
        }
    }

    private static List<String> messages(JsonValue value) {
        if (value instanceof JsonArray array) {
            List<String> out = new ArrayList<>();
            array.forEach(item -> text(item).ifPresent(out::add));
            return List.copyOf(out);
        }
        return text(value).map(List::of).orElse(List.of());
    }

    private static Optional<String> text(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonString string) {
            return Optional.of(string.getString());
        }
        return Optional.of(value.toString());
    }
}
