package io.consentgateway.adapter.in.rest.dto;

import io.consentgateway.application.port.in.Fields;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonConfig;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request body read field by field, so that a value of the wrong type is named by its path and the type it must have
 * ({@code accounts[0]: must be text}) instead of "the body is not the expected JSON". Every bad field is collected and
 * reported at once by {@link #throwIfAny()}, which also names every field the request does not have: a misspelt
 * optional field ({@code syncPeriode}) would otherwise be dropped without a word, and the flow started with a default
 * the client never asked for. A field named twice in one object makes the body malformed: parsers disagree on which
 * of the two counts, so none does here; so does text after the object ({@code {"kind":"…"} {"x":1}}), which a reader
 * that stops after the first value would drop without a word.
 */
public final class JsonBody {
    /** Resolved once: a missing JSON-P implementation is a deployment error, never "malformed JSON". */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(
            Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    private final JsonObject object;
    private final Fields fields = new Fields();
    private final Set<String> read = new HashSet<>();

    private JsonBody(JsonObject object) {
        this.object = object;
    }

    /** The body as a JSON object; empty text is an empty object. Text that is not JSON is a {@link MalformedBody}. */
    public static JsonBody parse(String text) {
        if (text == null || text.isBlank()) {
            return new JsonBody(JsonValue.EMPTY_JSON_OBJECT);
        }
        // A byte order mark, which RFC 8259 forbids a sender to add and allows a reader to ignore: ignored.
        String json = text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        JsonValue value;
        try (var reader = READERS.createReader(new StringReader(json))) {
            value = reader.readValue();
            requireNothingAfterTheValue(json);
        } catch (JsonParsingException e) {
            // Also a field named twice in one object (KeyStrategy.NONE): the location points at the second one; or
            // text after the object: the location points at it.
            throw new MalformedBody((e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber()
                    + ", column " + e.getLocation().getColumnNumber())
                    + " (one JSON object, with nothing after it and no field named twice in one object)");
        } catch (RuntimeException e) {
            // JsonException, or the parser's own RuntimeException for input nested deeper than it reads (Parsson: 1000).
            throw new MalformedBody(", or it is nested too deeply");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedBody(": the body must be a JSON object");
        }
        return new JsonBody(value.asJsonObject());
    }

    /**
     * JSON-P's reader answers the first value and leaves the rest of the text unread; its parser, walked to the end,
     * throws a {@link JsonParsingException} at the first thing after the value that is not white space.
     */
    private static void requireNothingAfterTheValue(String json) {
        try (JsonParser parser = PARSERS.createParser(new StringReader(json))) {
            while (parser.hasNext()) {
                parser.next();
            }
        }
    }

    /** A text field; absent or {@code null} is {@code null}. */
    public String text(String name) {
        JsonValue value = present(name);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        fields.reject(name, "must be text");
        return null;
    }

    /** A whole number field. */
    public Integer integer(String name) {
        JsonValue value = present(name);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.intValueExact();
            } catch (ArithmeticException e) {
                fields.reject(name, "is out of range");
                return null;
            }
        }
        fields.reject(name, "must be a whole number");
        return null;
    }

    /** A true/false field. */
    public Boolean flag(String name) {
        JsonValue value = present(name);
        if (value == null) {
            return null;
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE) {
            return value.getValueType() == JsonValue.ValueType.TRUE;
        }
        fields.reject(name, "must be true or false");
        return null;
    }

    /** A list of texts of at most {@code max} items; each bad item is named by its index. */
    public List<String> texts(String name, int max) {
        JsonValue value = present(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            fields.reject(name, "must be a list of texts");
            return null;
        }
        if (array.size() > max) {
            fields.reject(name, "must hold at most " + max + " items");
            return null;
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof JsonString s) {
                items.add(s.getString());
            } else {
                fields.reject(name + "[" + i + "]", "must be text");
            }
        }
        return items;
    }

    /**
     * An object field as JSON-like Java values ({@code String}, {@code Boolean}, {@code BigDecimal}, {@code List},
     * {@code Map}, {@code null}), of at most {@code max} members.
     */
    public Map<String, Object> object(String name, int max) {
        JsonValue value = present(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonObject members)) {
            fields.reject(name, "must be an object");
            return null;
        }
        if (members.size() > max) {
            fields.reject(name, "must hold at most " + max + " members");
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        members.forEach((key, member) -> map.put(key, plain(member)));
        return map;
    }

    /**
     * Throws an {@code InvalidInput} naming every field read so far that was of the wrong type, and every field of the
     * body that was never read: the request has no such field. Call it once every field has been read.
     */
    public void throwIfAny() {
        List<String> unknown = object.keySet().stream().filter(name -> !read.contains(name)).sorted().toList();
        RequestNames.rejectUnknown(fields, unknown, "field");
        fields.throwIfAny();
    }

    private JsonValue present(String name) {
        read.add(name);
        JsonValue value = object.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
    }

    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            case ARRAY -> value.asJsonArray().stream().map(JsonBody::plain).toList();
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.asJsonObject().forEach((k, v) -> map.put(k, plain(v)));
                yield map;
            }
        };
    }

    /** The body is not JSON at all (or not an object): a 400 that says where parsing stopped, never the text. */
    public static final class MalformedBody extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedBody(String where) {
            super("The request body is not valid JSON" + where + ".");
        }
    }
}
