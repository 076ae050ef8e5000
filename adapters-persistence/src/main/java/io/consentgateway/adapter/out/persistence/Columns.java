package io.consentgateway.adapter.out.persistence;

import io.consentgateway.domain.flow.ProviderOptions;
import org.jdbi.v3.core.argument.Argument;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Conversions between Java values and columns, shared by the repositories. */
final class Columns {
    private Columns() {
    }

    /**
     * An instant for a {@code TIMESTAMP WITH TIME ZONE} column, written as a UTC {@link OffsetDateTime} (JDBC 4.2),
     * so neither the JVM's nor the session's time zone can shift it. {@code null} writes SQL NULL.
     */
    static Argument instant(Instant value) {
        return (position, statement, context) -> {
            if (value == null) {
                statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(position, value.atOffset(ZoneOffset.UTC));
            }
        };
    }

    static Argument instant(Optional<Instant> value) {
        return instant(value.orElse(null));
    }

    /** A UUID column; {@code null} writes SQL NULL typed so that PostgreSQL accepts it for a {@code uuid} column. */
    static Argument uuid(UUID value) {
        return (position, statement, context) -> {
            if (value == null) {
                statement.setNull(position, Types.OTHER);
            } else {
                statement.setObject(position, value);
            }
        };
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(instant(rs, column));
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    static Optional<String> optionalString(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    static Optional<Integer> optionalInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }

    /**
     * A list of strings in one {@code TEXT} column: each item URL-encoded (UTF-8), so it can hold no {@code ','},
     * then joined by {@code ','}; the empty list is the empty string. Items must not be empty (the domain's lists
     * never hold blank items), so {@code "a,b"} can only mean {@code [a, b]}.
     */
    static String list(List<String> items) {
        return items.stream()
                .map(item -> {
                    if (item.isEmpty()) {
                        throw new IllegalArgumentException("an empty item cannot be stored in a list column");
                    }
                    return URLEncoder.encode(item, StandardCharsets.UTF_8);
                })
                .collect(Collectors.joining(","));
    }

    static List<String> list(String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(column.split(",", -1))
                .map(item -> URLDecoder.decode(item, StandardCharsets.UTF_8))
                .toList();
    }

    /**
     * A flow's provider options in one {@code TEXT} column: {@code name=value&name=value}, names and values
     * URL-encoded (UTF-8), in name order; no options is the empty string.
     */
    static String options(ProviderOptions options) {
        return options.values().entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static ProviderOptions options(String column) {
        if (column == null || column.isEmpty()) {
            return ProviderOptions.NONE;
        }
        java.util.TreeMap<String, String> values = new java.util.TreeMap<>();
        for (String pair : column.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("provider options column holds a pair without '='");
            }
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return new ProviderOptions(values);
    }

    /** Reads one row into a value; may throw what a row that cannot be read throws. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Columns.class.getName());

    /**
     * One row of a listing, or empty when a secret in it cannot be decrypted (a key removed from the key ring, an
     * altered value): the listing serves the other rows, and the unreadable one is logged by id (never a value).
     */
    static <T> Optional<T> readable(ResultSet rs, String what, RowReader<T> reader) throws SQLException {
        try {
            return Optional.of(reader.read(rs));
        } catch (io.consentgateway.adapter.out.persistence.crypto.StoredSecretUnreadable unreadable) {
            LOG.warning(() -> "Skipped an unreadable " + what + " row: " + unreadable.getMessage());
            return Optional.empty();
        }
    }
}
