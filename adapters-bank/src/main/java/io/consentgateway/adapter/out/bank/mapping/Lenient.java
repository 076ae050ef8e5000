package io.consentgateway.adapter.out.bank.mapping;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/** Forgiving readers of provider values: anything unreadable is empty rather than an error. */
final class Lenient {

    private Lenient() {
    }

    static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    static Optional<String> text(JsonValue value) {
        if (value instanceof JsonString s) {
            return text(s.getString());
        }
        if (value instanceof JsonNumber n) {
            return Optional.of(n.toString());
        }
        return Optional.empty();
    }

    /** A JSON number or a string holding a number ({@code "-12.30"}, {@code "1,5"} is read as 1.5). */
    static Optional<BigDecimal> decimal(JsonValue value) {
        if (value instanceof JsonNumber n) {
            return Optional.of(n.bigDecimalValue());
        }
        if (value instanceof JsonString s) {
            String text = s.getString().strip().replace(" ", "");
            if (text.indexOf(',') >= 0 && text.indexOf('.') < 0) {
                text = text.replace(',', '.');
            }
            try {
                return text.isEmpty() ? Optional.empty() : Optional.of(new BigDecimal(text));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static Optional<Integer> integer(JsonValue value) {
        return decimal(value).flatMap(d -> {
            try {
                return Optional.of(d.intValueExact());
            } catch (ArithmeticException e) {
                return Optional.empty();
            }
        });
    }

    static Optional<Integer> integer(JsonObject object, String name) {
        return object == null ? Optional.empty() : integer(object.get(name));
    }

    static Optional<String> text(JsonObject object, String name) {
        return object == null ? Optional.empty() : text(object.get(name));
    }

    static Optional<JsonObject> object(JsonValue value) {
        return value instanceof JsonObject o ? Optional.of(o) : Optional.empty();
    }

    static Optional<JsonObject> object(JsonObject parent, String name) {
        return parent == null ? Optional.empty() : object(parent.get(name));
    }

    /** A day: {@code 2025-01-31}, or the day of a date-time ({@code 2025-01-31T10:00:00Z}). */
    static Optional<LocalDate> date(String value) {
        Optional<String> text = text(value);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String t = text.get();
        try {
            if (t.length() >= 10 && t.charAt(4) == '-' && t.charAt(7) == '-') {
                return Optional.of(LocalDate.parse(t.substring(0, 10)));
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** An instant: ISO instant, offset date-time, local date-time (UTC) or a day (its start, UTC). */
    static Optional<Instant> instant(String value) {
        Optional<String> text = text(value);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String t = text.get();
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException ignored) {
            // next shape
        }
        try {
            return Optional.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // next shape
        }
        return date(t).map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    static Optional<Currency> currency(String value) {
        return text(value).flatMap(code -> {
            try {
                return Optional.of(Currency.getInstance(code.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }
}
