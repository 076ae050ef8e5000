package io.consentgateway.adapter.kit;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Forgiving readers of provider values: anything unreadable is empty rather than an error. */
public final class Lenient {

    private Lenient() {
    }

    public static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public static Optional<String> text(JsonValue value) {
        if (value instanceof JsonString s) {
            return text(s.getString());
        }
        if (value instanceof JsonNumber n) {
            return Optional.of(n.toString());
        }
        return Optional.empty();
    }

    /** A JSON number or a string holding a number ({@code "-12.30"}, {@code "1,5"} is read as 1.5). */
    public static Optional<BigDecimal> decimal(JsonValue value) {
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

    public static Optional<BigDecimal> decimal(JsonObject object, String name) {
        return object == null ? Optional.empty() : decimal(object.get(name));
    }

    public static Optional<Integer> integer(JsonValue value) {
        return decimal(value).flatMap(d -> {
            try {
                return Optional.of(d.intValueExact());
            } catch (ArithmeticException e) {
                return Optional.empty();
            }
        });
    }

    public static Optional<Integer> integer(JsonObject object, String name) {
        return object == null ? Optional.empty() : integer(object.get(name));
    }

    public static Optional<String> text(JsonObject object, String name) {
        return object == null ? Optional.empty() : text(object.get(name));
    }

    public static Optional<JsonObject> object(JsonValue value) {
        return value instanceof JsonObject o ? Optional.of(o) : Optional.empty();
    }

    public static Optional<JsonObject> object(JsonObject parent, String name) {
        return parent == null ? Optional.empty() : object(parent.get(name));
    }

    /** A day: {@code 2025-01-31}, or the day of a date-time ({@code 2025-01-31T10:00:00Z}). */
    public static Optional<LocalDate> date(String value) {
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

    /** A day or a month ({@code 2025-01} as its first or last day). */
    public static Optional<LocalDate> dateOrMonth(String value, boolean endOfMonth) {
        Optional<LocalDate> day = date(value);
        if (day.isPresent() || value == null) {
            return day;
        }
        try {
            YearMonth month = YearMonth.parse(value.strip());
            return Optional.of(endOfMonth ? month.atEndOfMonth() : month.atDay(1));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** An instant: ISO instant, offset date-time, local date-time (UTC) or a day (its start, UTC). */
    public static Optional<Instant> instant(String value) {
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

    /**
     * A text field of one provider object: a string or a number (as its text); missing or JSON {@code null} is
     * {@code null}; any other JSON type (array, object, boolean) is {@code null} too and its field name (never its
     * value) is noted in {@code odd}.
     */
    public static String string(JsonObject object, String name, Set<String> odd) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof JsonNumber n) {
            return n.toString();
        }
        odd.add(name);
        return null;
    }

    /**
     * A yes/no field: JSON {@code true}/{@code false}, the numbers 1/0, or the strings {@code true/false},
     * {@code 1/0}, {@code yes/no} (any case). Missing or JSON {@code null} is {@code null}; anything else is
     * {@code null} with its field name noted in {@code odd}.
     */
    public static Boolean bool(JsonObject object, String name, Set<String> odd) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE) {
            return Boolean.TRUE;
        }
        if (value.getValueType() == JsonValue.ValueType.FALSE) {
            return Boolean.FALSE;
        }
        String text = value instanceof JsonString s ? s.getString().strip().toLowerCase(Locale.ROOT)
                : value instanceof JsonNumber n ? numberWord(n.bigDecimalValue()) : "";
        switch (text) {
            case "true", "1", "yes":
                return Boolean.TRUE;
            case "false", "0", "no":
                return Boolean.FALSE;
            default:
                odd.add(name);
                return null;
        }
    }

    private static String numberWord(BigDecimal number) {
        if (number.compareTo(BigDecimal.ONE) == 0) {
            return "1";
        }
        return number.signum() == 0 ? "0" : "";
    }

    /** A nested object field: missing or JSON {@code null} is empty; another JSON type is empty and noted in {@code odd}. */
    public static Optional<JsonObject> object(JsonObject parent, String name, Set<String> odd) {
        JsonValue value = parent.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonObject o) {
            return Optional.of(o);
        }
        odd.add(name);
        return Optional.empty();
    }

    public static Optional<Currency> currency(String value) {
        return text(value).flatMap(code -> {
            try {
                return Optional.of(Currency.getInstance(code.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }
}
