package io.consentgateway.adapter.kit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** The {@code Retry-After} header (RFC 9110 §10.2.3): delay-seconds or an HTTP date; a date in the past means "now". */
public final class RetryAfter {

    private RetryAfter() {
    }

    /** The wait the header asks for; empty when there is no header or it cannot be read. */
    public static Optional<Duration> parse(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        try {
            if (value.chars().allMatch(Character::isDigit)) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT)).toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
