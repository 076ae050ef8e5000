package io.consentgateway.sandbox.control;

import io.consentgateway.sandbox.core.LateBooking;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * A late booking asked for through {@code POST /control/bookings}: at which provider, on whose data, on which account,
 * and the booking itself. Only the shape is checked here; whether the provider knows the user and the account, and
 * whether the date lies within the history, is checked when booking.
 *
 * @param provider nrich or bank
 * @param user     nrich: the {@code user_id} of an ongoing access (or a one-time flow's id); bank: the login name
 * @param account  the account's id or IBAN; null: the user's first account
 * @param booking  what to book
 */
public record LateBookingRequest(String provider, String user, String account, LateBooking booking) {

    private static final Set<String> FIELDS = Set.of("provider", "user", "account", "bookingDate", "amount", "currency",
            "counterpartyName", "purpose");

    public LateBookingRequest {
        if (!FaultRule.isProvider(provider)) {
            throw new IllegalArgumentException("provider must be nrich or bank");
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("user is required");
        }
        if (account != null && account.isBlank()) {
            throw new IllegalArgumentException("account must not be blank; leave it out for the first account");
        }
        if (booking == null) {
            throw new IllegalArgumentException("the booking is required");
        }
    }

    /**
     * Reads {@code {"provider","user","account","bookingDate","amount","currency","counterpartyName","purpose"}}:
     * {@code bookingDate} {@code YYYY-MM-DD}, {@code amount} a JSON number, the others strings; unknown fields are
     * refused, as a typo would otherwise book something else than meant.
     */
    public static LateBookingRequest fromJson(JsonObject json) {
        for (String name : json.keySet()) {
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field " + name);
            }
        }
        LateBooking booking = new LateBooking(date(json, "bookingDate"), amount(json, "amount"), text(json, "currency"),
                text(json, "counterpartyName"), text(json, "purpose"));
        return new LateBookingRequest(text(json, "provider"), text(json, "user"), text(json, "account"), booking);
    }

    /** A string member; null when absent or null. */
    private static String text(JsonObject json, String name) {
        JsonValue v = json.get(name);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw new IllegalArgumentException(name + " must be a string");
    }

    private static LocalDate date(JsonObject json, String name) {
        String raw = text(json, name);
        if (raw == null) {
            return null;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date YYYY-MM-DD");
        }
    }

    private static BigDecimal amount(JsonObject json, String name) {
        JsonValue v = json.get(name);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonNumber n) {
            return n.bigDecimalValue();
        }
        throw new IllegalArgumentException(name + " must be a number such as -12.50");
    }
}
