package io.consentgateway.sandbox.nrich;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query of {@code GET /rest/transactions}, validated.
 * Paging is offset/count: a page with fewer than {@code count} items is the last.
 */
public record TransactionQuery(List<String> accounts, int count, int offset, boolean ascending, LocalDate since,
                               LocalDate until, String sinceType, boolean includePending, boolean cents) {

    public static final int DEFAULT_COUNT = 1000;
    public static final int MAX_COUNT = 1000;

    public TransactionQuery {
        accounts = List.copyOf(accounts);
    }

    /** Parses raw query parameters (null when absent); 400 listing every bad parameter. */
    public static TransactionQuery parse(String accounts, String count, String offset, String sort, String since,
                                         String until, String sinceType, String includePending, String cents) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        if (accounts != null) {
            for (String id : accounts.split(",")) {
                if (!id.isBlank()) {
                    ids.add(id.trim());
                }
            }
        }
        int c = integer("count", count, DEFAULT_COUNT, 1, MAX_COUNT, errors);
        int o = integer("offset", offset, 0, 0, Integer.MAX_VALUE, errors);
        boolean ascending = false;
        if (sort != null) {
            switch (sort) {
                case "asc" -> ascending = true;
                case "desc" -> ascending = false;
                default -> errors.put("sort", "must be asc or desc");
            }
        }
        LocalDate from = date("since", since, errors);
        LocalDate to = date("until", until, errors);
        if (from != null && to != null && from.isAfter(to)) {
            errors.put("since", "must not be after until");
        }
        String type = sinceType == null ? "booked" : sinceType;
        if (!List.of("booked", "created", "modified").contains(type)) {
            errors.put("since_type", "must be booked, created or modified");
        }
        boolean pending = bool("include_pending", includePending, errors);
        boolean inCents = bool("cents", cents, errors);
        if (!errors.isEmpty()) {
            throw NrichError.badRequest("Invalid query parameters", errors);
        }
        return new TransactionQuery(ids, c, o, ascending, from, to, type, pending, inCents);
    }

    /** The defaults: every account, 1000 newest first, booked only. */
    public static TransactionQuery defaults() {
        return parse(null, null, null, null, null, null, null, null, null);
    }

    public TransactionQuery forAccount(String accountId) {
        return new TransactionQuery(List.of(accountId), count, offset, ascending, since, until, sinceType, includePending, cents);
    }

    private static int integer(String name, String raw, int defaultValue, int min, int max, Map<String, String> errors) {
        if (raw == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                errors.put(name, max == Integer.MAX_VALUE ? "must be at least " + min : "must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            errors.put(name, "must be an integer");
            return defaultValue;
        }
    }

    private static LocalDate date(String name, String raw, Map<String, String> errors) {
        if (raw == null) {
            return null;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            errors.put(name, "must be a date YYYY-MM-DD");
            return null;
        }
    }

    private static boolean bool(String name, String raw, Map<String, String> errors) {
        if (raw == null) {
            return false;
        }
        return switch (raw) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> {
                errors.put(name, "must be true or false");
                yield false;
            }
        };
    }
}
