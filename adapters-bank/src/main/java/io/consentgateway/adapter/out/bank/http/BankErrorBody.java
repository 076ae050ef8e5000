package io.consentgateway.adapter.out.bank.http;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The bank's OAuth-style error body, {@code {"error":"invalid_grant","error_description":"..."}}, read leniently:
 * anything else (HTML, empty, another shape) yields {@link #NONE}. Only the error code is kept, and only when it has
 * the shape of one (RFC 6749 §5.2: a short word of letters, digits and {@code _}); the free-text description is never
 * read, so it can never reach a message or a log.
 */
public record BankErrorBody(Optional<String> error) {
    public static final BankErrorBody NONE = new BankErrorBody(Optional.empty());
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public static BankErrorBody parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue root = reader.readValue();
            if (!(root instanceof JsonObject object) || !(object.get("error") instanceof JsonString error)) {
                return NONE;
            }
            String code = error.getString().strip();
            return ERROR_CODE.matcher(code).matches() ? new BankErrorBody(Optional.of(code)) : NONE;
        } catch (RuntimeException e) {
            return NONE;
        }
    }

    public boolean is(String code) {
        return error.filter(code::equals).isPresent();
    }
}
