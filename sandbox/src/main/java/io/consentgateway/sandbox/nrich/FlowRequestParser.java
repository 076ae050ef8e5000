package io.consentgateway.sandbox.nrich;

import io.consentgateway.sandbox.core.Ibans;
import io.consentgateway.sandbox.core.Uris;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates the JSON body of a flow-creation call, as strictly as the documentation allows:
 * every bad field is reported in {@code error.data} under its JSON name.
 * <p>
 * Fields that no flow call documents are rejected (they are typos); a field documented for another
 * flow kind is ignored.
 */
public final class FlowRequestParser {

    public static final Set<String> LANGUAGES = Set.of("de", "en", "es", "fr", "ar");
    public static final int MAX_SYNC_PERIOD_DAYS = 730;
    public static final int MIN_REPORTING_PERIOD_MONTHS = 4;
    public static final int MAX_REPORTING_PERIOD_MONTHS = 120;
    private static final int MAX_TEXT = 512;

    private final Map<String, String> errors = new LinkedHashMap<>();
    private final JsonObject body;
    private final NrichFlowKind kind;

    private FlowRequestParser(NrichFlowKind kind, JsonObject body) {
        this.kind = kind;
        this.body = body;
    }

    /** Parses and validates; throws a 400 {@link NrichError} listing every bad field. */
    public static FlowRequest parse(NrichFlowKind kind, JsonObject body) {
        return new FlowRequestParser(kind, body).parse();
    }

    private FlowRequest parse() {
        for (String name : body.keySet()) {
            if (!NrichFlowKind.isKnownField(name)) {
                errors.put(name, "unknown field");
            }
        }
        for (String name : kind.mandatory()) {
            if (!body.containsKey(name) || body.isNull(name)) {
                errors.put(name, "is required");
            }
        }
        String redirectUri = text("redirect_uri");
        if (redirectUri != null && !Uris.isAbsoluteHttpUri(redirectUri)) {
            errors.put("redirect_uri", "must be an absolute http(s) URI without fragment");
        }
        String userId = text("user_id");
        if (userId != null && userId.isBlank()) {
            errors.put("user_id", "must not be blank");
        }
        String language = text("language");
        if (language != null && !LANGUAGES.contains(language)) {
            errors.put("language", "must be one of de, en, es, fr, ar");
        }
        Integer syncPeriod = integer("sync_period", 1, MAX_SYNC_PERIOD_DAYS);
        Integer reportingPeriod = integer("reporting_period", MIN_REPORTING_PERIOD_MONTHS, MAX_REPORTING_PERIOD_MONTHS);
        if (syncPeriod != null && reportingPeriod != null) {
            errors.put("reporting_period", "sync_period and reporting_period must not both be given");
        }
        FlowRequest request = new FlowRequest(kind, text("state"), redirectUri, text("tracking_id"),
                language == null ? "de" : language, text("provider_id"), accounts(), strings("account_types"),
                bool("allow_multi_selection", true), syncPeriod, reportingPeriod, bool("save_secrets", false),
                userId, strings("account_ids"));
        if (!errors.isEmpty()) {
            throw NrichError.badRequest("Invalid request parameters", errors);
        }
        return request;
    }

    private boolean applies(String name) {
        return kind.fields().contains(name) && body.containsKey(name) && !body.isNull(name);
    }

    private String text(String name) {
        if (!applies(name)) {
            return null;
        }
        JsonValue value = body.get(name);
        if (!(value instanceof JsonString s)) {
            errors.put(name, "must be a string");
            return null;
        }
        if (s.getString().length() > MAX_TEXT) {
            errors.put(name, "must be at most " + MAX_TEXT + " characters");
            return null;
        }
        return s.getString();
    }

    private Integer integer(String name, int min, int max) {
        if (!applies(name)) {
            return null;
        }
        JsonValue value = body.get(name);
        if (!(value instanceof JsonNumber n) || !n.isIntegral()) {
            errors.put(name, "must be an integer");
            return null;
        }
        long v;
        try {
            v = n.longValueExact();
        } catch (ArithmeticException tooLarge) {
            v = Long.MAX_VALUE;
        }
        if (v < min || v > max) {
            errors.put(name, "must be between " + min + " and " + max);
            return null;
        }
        return (int) v;
    }

    private boolean bool(String name, boolean defaultValue) {
        if (!applies(name)) {
            return defaultValue;
        }
        JsonValue value = body.get(name);
        if (value == JsonValue.TRUE) {
            return true;
        }
        if (value == JsonValue.FALSE) {
            return false;
        }
        errors.put(name, "must be a boolean");
        return defaultValue;
    }

    private List<String> strings(String name) {
        List<String> result = new ArrayList<>();
        if (!applies(name)) {
            return result;
        }
        if (!(body.get(name) instanceof JsonArray array)) {
            errors.put(name, "must be an array of strings");
            return result;
        }
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof JsonString s && !s.getString().isBlank()) {
                result.add(s.getString());
            } else {
                errors.put(name + "[" + i + "]", "must be a non-blank string");
            }
        }
        return result;
    }

    private List<String> accounts() {
        List<String> result = new ArrayList<>();
        if (!applies("accounts")) {
            return result;
        }
        if (!(body.get("accounts") instanceof JsonArray array)) {
            errors.put("accounts", "must be an array of objects with an id");
            return result;
        }
        for (int i = 0; i < array.size(); i++) {
            String field = "accounts[" + i + "].id";
            if (!(array.get(i) instanceof JsonObject account) || !(account.get("id") instanceof JsonString s)
                    || s.getString().isBlank()) {
                errors.put(field, "is required");
                continue;
            }
            String id = s.getString().trim();
            if (Ibans.looksLikeIban(id)) {
                if (!Ibans.isValid(id)) {
                    errors.put(field, "is not a valid IBAN");
                    continue;
                }
                result.add(Ibans.normalize(id));
            } else if (id.matches("[0-9A-Za-z -]{4,34}")) {
                result.add(id); // an account number or a PAN
            } else {
                errors.put(field, "must be an IBAN, an account number or a card number");
            }
        }
        return result;
    }
}
