package io.consentgateway.adapter.out.nrich.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * nrich's field errors in the gateway's own words. nrich names the fields of its JSON ({@code sync_period},
 * {@code account_types}, …); the gateway's callers never saw those, they sent a flow request with {@code syncPeriod} and
 * {@code providerOptions.accountTypes}. Each field nrich names is given the name of the request field it came from; what
 * the caller did not give (the state, the redirect URI, the user id, paging) goes under {@code request}.
 */
public final class NrichErrorFields {
    /** Where a field of the caller's request is not the origin: the gateway's own part of the call. */
    public static final String REQUEST = "request";

    private static final Map<String, String> CALLERS_NAME = Map.ofEntries(
            Map.entry("language", "language"),
            Map.entry("accounts", "accounts"),
            Map.entry("account_ids", "accounts"),
            Map.entry("sync_period", "syncPeriod"),
            Map.entry("reporting_period", "reportingPeriod"),
            Map.entry("tracking_id", "providerOptions.trackingId"),
            Map.entry("provider_id", "providerOptions.providerId"),
            Map.entry("account_types", "providerOptions.accountTypes"),
            Map.entry("allow_multi_selection", "providerOptions.allowMultiSelection"),
            Map.entry("save_secrets", "providerOptions.saveSecrets"));

    private NrichErrorFields() {
    }

    /** The errors keyed by the caller's field names ({@code accounts.0.id} counts as {@code accounts}), in nrich's order. */
    public static Map<String, List<String>> inCallersTerms(Map<String, List<String>> nrichFieldErrors) {
        Map<String, List<String>> named = new LinkedHashMap<>();
        nrichFieldErrors.forEach((field, messages) -> named
                .computeIfAbsent(CALLERS_NAME.getOrDefault(topLevel(field), REQUEST), name -> new ArrayList<>())
                .addAll(messages));
        return named;
    }

    private static String topLevel(String field) {
        int end = field.length();
        for (char separator : new char[] {'.', '['}) {
            int at = field.indexOf(separator);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return field.substring(0, end);
    }
}
