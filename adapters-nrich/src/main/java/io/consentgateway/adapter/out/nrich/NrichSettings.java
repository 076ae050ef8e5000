package io.consentgateway.adapter.out.nrich;

import io.consentgateway.adapter.kit.PagingLimitExceeded;
import io.consentgateway.adapter.kit.ConfigValues;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the nrich adapter reaches nrich. The adapter reads it from MicroProfile Config itself when it is constructed
 * (see {@link #fromConfig}), so a bad value fails the deployment naming its key; tests build it directly. The client secret never appears in {@link #toString()}.
 *
 * <p>Several settings exist because nrich's public material leaves the fact open (docs/providers/nrich.md): the
 * token request's encoding, whether {@code redirect_uri} goes with a code exchange, and which income report
 * endpoint the tenant has.
 *
 * @param baseUri                   nrich's API root, e.g. {@code https://api.finx-s.qwist.cloud}
 * @param clientId                  the client id (HTTP Basic user name)
 * @param clientSecret              the client secret (HTTP Basic password); never printed
 * @param connectTimeout            TCP connect timeout of every call
 * @param readTimeout               read (socket) timeout of every call
 * @param pageSize                  transactions per page ({@code count}), nrich's default 1000
 * @param maxPages                  safety net: at most this many transaction pages per read
 * @param sendRedirectUriOnExchange whether a code exchange carries {@code redirect_uri}
 * @param tokenRequestEncoding      JSON (documented) or form-urlencoded (OAuth 2.0 style)
 * @param incomeReportEndpoint      {@code /rest/income-reports/{flow id}} or the older {@code /rest/income-report}
 * @param legacyIncomeReportMonths  months the older income report endpoint asks for (ending this month)
 * @param maxResponseBytes          the most bytes read from one answer; beyond, the answer counts as unusable
 * @param maxTransactions           safety net: at most this many transaction items (all pages together) per read,
 *                                  beyond, the read fails with {@link PagingLimitExceeded}
 * @param readDeadline              a whole read (all its pages, retries included) must end within this, else it fails as
 *                                  unavailable (the API answers 503)
 */
public record NrichSettings(
        URI baseUri,
        String clientId,
        String clientSecret,
        Duration connectTimeout,
        Duration readTimeout,
        int pageSize,
        int maxPages,
        boolean sendRedirectUriOnExchange,
        TokenRequestEncoding tokenRequestEncoding,
        IncomeReportEndpoint incomeReportEndpoint,
        int legacyIncomeReportMonths,
        long maxResponseBytes,
        int maxTransactions,
        Duration readDeadline) {

    public static final String PREFIX = "cg.nrich.";
    public static final String BASE_URL = PREFIX + "base-url";
    public static final String CLIENT_ID = PREFIX + "client-id";
    public static final String CLIENT_SECRET = PREFIX + "client-secret";
    public static final String CONNECT_TIMEOUT = PREFIX + "connect-timeout";
    public static final String READ_TIMEOUT = PREFIX + "read-timeout";
    public static final String PAGE_SIZE = PREFIX + "page-size";
    public static final String MAX_PAGES = PREFIX + "max-pages";
    public static final String SEND_REDIRECT_URI = PREFIX + "exchange.send-redirect-uri";
    public static final String TOKEN_REQUEST_ENCODING = PREFIX + "token-request-encoding";
    public static final String INCOME_REPORT_ENDPOINT = PREFIX + "income-report-endpoint";
    public static final String LEGACY_INCOME_REPORT_MONTHS = PREFIX + "legacy-income-report-months";
    public static final String MAX_RESPONSE_BYTES = PREFIX + "max-response-bytes";
    public static final String MAX_TRANSACTIONS = PREFIX + "max-transactions";
    public static final String READ_DEADLINE = PREFIX + "read-deadline";

    public static final URI DEFAULT_BASE_URI = URI.create("http://localhost:9080/sandbox/nrich");
    public static final String DEFAULT_CLIENT_ID = "demo-client";
    public static final String DEFAULT_CLIENT_SECRET = "demo-secret";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_PAGE_SIZE = 1000;
    public static final int DEFAULT_MAX_PAGES = 500;
    public static final int DEFAULT_LEGACY_INCOME_REPORT_MONTHS = 12;
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;
    public static final int DEFAULT_MAX_TRANSACTIONS = 100_000;
    public static final Duration DEFAULT_READ_DEADLINE = Duration.ofSeconds(20);

    /** How {@code POST /auth/token} encodes its body. nrich documents JSON; OAuth 2.0 servers expect a form. */
    public enum TokenRequestEncoding { JSON, FORM }

    /** Which income report endpoint to call. */
    public enum IncomeReportEndpoint {
        /** {@code GET /rest/income-reports/{flow id}}. */
        CURRENT,
        /** {@code GET /rest/income-report?since=YYYY-MM&until=YYYY-MM} (older documents). */
        LEGACY
    }

    /** Every check names the configuration key, so a bad value fails the deployment with a message an operator can act on. */
    public NrichSettings {
        Objects.requireNonNull(baseUri, BASE_URL + " (nrich base URL) is required");
        if (!baseUri.isAbsolute() || baseUri.getHost() == null
                || !("https".equalsIgnoreCase(baseUri.getScheme()) || "http".equalsIgnoreCase(baseUri.getScheme()))) {
            throw new IllegalArgumentException(BASE_URL + " (nrich base URL) must be an absolute http(s) URL with a host");
        }
        ConfigValues.requireText(clientId, CLIENT_ID + " (nrich client id)");
        ConfigValues.requireText(clientSecret, CLIENT_SECRET + " (nrich client secret)");
        if (clientId.indexOf(':') >= 0) {
            throw new IllegalArgumentException(CLIENT_ID + " (nrich client id) must not contain ':' (HTTP Basic)");
        }
        ConfigValues.requirePositive(connectTimeout, CONNECT_TIMEOUT + " (nrich connect timeout)");
        ConfigValues.requirePositive(readTimeout, READ_TIMEOUT + " (nrich read timeout)");
        if (pageSize < 1 || pageSize > 10_000) {
            throw new IllegalArgumentException(PAGE_SIZE + " (nrich page size) must be 1..10000, was " + pageSize);
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException(MAX_PAGES + " (nrich max pages) must be at least 1, was " + maxPages);
        }
        Objects.requireNonNull(tokenRequestEncoding, TOKEN_REQUEST_ENCODING + " (nrich token request encoding) is required");
        Objects.requireNonNull(incomeReportEndpoint, INCOME_REPORT_ENDPOINT + " (nrich income report endpoint) is required");
        if (legacyIncomeReportMonths < 1 || legacyIncomeReportMonths > 24) {
            throw new IllegalArgumentException(LEGACY_INCOME_REPORT_MONTHS + " (nrich legacy income report months) must be "
                    + "1..24, was " + legacyIncomeReportMonths);
        }
        if (maxResponseBytes < 1024) {
            throw new IllegalArgumentException(MAX_RESPONSE_BYTES + " (nrich max response bytes) must be at least 1024, was "
                    + maxResponseBytes);
        }
        if (maxTransactions < 1) {
            throw new IllegalArgumentException(MAX_TRANSACTIONS + " (nrich max transactions) must be at least 1, was "
                    + maxTransactions);
        }
        ConfigValues.requirePositive(readDeadline, READ_DEADLINE);
    }

    /** The settings with the default read deadline. */
    public NrichSettings(URI baseUri, String clientId, String clientSecret, Duration connectTimeout, Duration readTimeout,
                         int pageSize, int maxPages, boolean sendRedirectUriOnExchange,
                         TokenRequestEncoding tokenRequestEncoding, IncomeReportEndpoint incomeReportEndpoint,
                         int legacyIncomeReportMonths, long maxResponseBytes, int maxTransactions) {
        this(baseUri, clientId, clientSecret, connectTimeout, readTimeout, pageSize, maxPages, sendRedirectUriOnExchange,
                tokenRequestEncoding, incomeReportEndpoint, legacyIncomeReportMonths, maxResponseBytes, maxTransactions,
                DEFAULT_READ_DEADLINE);
    }

    /** The documented defaults (which point at the bundled sandbox). */
    public static NrichSettings defaults() {
        return new NrichSettings(DEFAULT_BASE_URI, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_READ_TIMEOUT, DEFAULT_PAGE_SIZE, DEFAULT_MAX_PAGES, true, TokenRequestEncoding.JSON,
                IncomeReportEndpoint.CURRENT, DEFAULT_LEGACY_INCOME_REPORT_MONTHS, DEFAULT_MAX_RESPONSE_BYTES,
                DEFAULT_MAX_TRANSACTIONS, DEFAULT_READ_DEADLINE);
    }

    /**
     * Reads the settings from a configuration lookup (e.g. {@code name -> config.getOptionalValue(name, String.class)}
     * with MicroProfile Config). Durations are ISO-8601 ({@code PT5S}) or milliseconds ({@code 5000}). An absent or
     * blank key takes its default; a bad value is an {@link IllegalArgumentException} naming the key (never the
     * client secret's value).
     */
    public static NrichSettings fromConfig(Function<String, Optional<String>> lookup) {
        Objects.requireNonNull(lookup, "lookup");
        Function<String, Optional<String>> get = name -> lookup.apply(name).map(String::strip).filter(s -> !s.isEmpty());
        URI baseUri = get.apply(BASE_URL).map(NrichSettings::baseUrl).orElse(DEFAULT_BASE_URI);
        String clientId = get.apply(CLIENT_ID).orElse(DEFAULT_CLIENT_ID);
        String clientSecret = get.apply(CLIENT_SECRET).orElse(DEFAULT_CLIENT_SECRET);
        ConfigValues.refuseDemoValueInProduction(lookup, BASE_URL, baseUri.toString(), DEFAULT_BASE_URI.toString());
        ConfigValues.refuseDemoValueInProduction(lookup, CLIENT_ID, clientId, DEFAULT_CLIENT_ID);
        ConfigValues.refuseDemoValueInProduction(lookup, CLIENT_SECRET, clientSecret, DEFAULT_CLIENT_SECRET);
        return new NrichSettings(
                baseUri,
                clientId,
                clientSecret,
                get.apply(CONNECT_TIMEOUT).map(v -> ConfigValues.duration(v, CONNECT_TIMEOUT)).orElse(DEFAULT_CONNECT_TIMEOUT),
                get.apply(READ_TIMEOUT).map(v -> ConfigValues.duration(v, READ_TIMEOUT)).orElse(DEFAULT_READ_TIMEOUT),
                get.apply(PAGE_SIZE).map(v -> ConfigValues.integer(v, PAGE_SIZE)).orElse(DEFAULT_PAGE_SIZE),
                get.apply(MAX_PAGES).map(v -> ConfigValues.integer(v, MAX_PAGES)).orElse(DEFAULT_MAX_PAGES),
                get.apply(SEND_REDIRECT_URI).map(v -> ConfigValues.bool(v, SEND_REDIRECT_URI)).orElse(true),
                get.apply(TOKEN_REQUEST_ENCODING).map(v -> ConfigValues.enumValue(TokenRequestEncoding.class, v, TOKEN_REQUEST_ENCODING))
                        .orElse(TokenRequestEncoding.JSON),
                get.apply(INCOME_REPORT_ENDPOINT).map(v -> ConfigValues.enumValue(IncomeReportEndpoint.class, v, INCOME_REPORT_ENDPOINT))
                        .orElse(IncomeReportEndpoint.CURRENT),
                get.apply(LEGACY_INCOME_REPORT_MONTHS).map(v -> ConfigValues.integer(v, LEGACY_INCOME_REPORT_MONTHS))
                        .orElse(DEFAULT_LEGACY_INCOME_REPORT_MONTHS),
                get.apply(MAX_RESPONSE_BYTES).map(v -> ConfigValues.longValue(v, MAX_RESPONSE_BYTES)).orElse(DEFAULT_MAX_RESPONSE_BYTES),
                get.apply(MAX_TRANSACTIONS).map(v -> ConfigValues.integer(v, MAX_TRANSACTIONS)).orElse(DEFAULT_MAX_TRANSACTIONS),
                get.apply(READ_DEADLINE).map(v -> ConfigValues.duration(v, READ_DEADLINE)).orElse(DEFAULT_READ_DEADLINE));
    }

    /** The base URI without a trailing slash, so that interface paths ({@code /ongoing/access}) append cleanly. */
    public URI normalisedBaseUri() {
        String text = baseUri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    public NrichSettings withBaseUri(URI value) {
        return new NrichSettings(value, clientId, clientSecret, connectTimeout, readTimeout, pageSize, maxPages,
                sendRedirectUriOnExchange, tokenRequestEncoding, incomeReportEndpoint, legacyIncomeReportMonths, maxResponseBytes,
                maxTransactions, readDeadline);
    }

    public NrichSettings withClient(String id, String secret) {
        return new NrichSettings(baseUri, id, secret, connectTimeout, readTimeout, pageSize, maxPages,
                sendRedirectUriOnExchange, tokenRequestEncoding, incomeReportEndpoint, legacyIncomeReportMonths, maxResponseBytes,
                maxTransactions, readDeadline);
    }

    public NrichSettings withTimeouts(Duration connect, Duration read) {
        return new NrichSettings(baseUri, clientId, clientSecret, connect, read, pageSize, maxPages,
                sendRedirectUriOnExchange, tokenRequestEncoding, incomeReportEndpoint, legacyIncomeReportMonths, maxResponseBytes,
                maxTransactions, readDeadline);
    }

    public NrichSettings withPaging(int size, int pages) {
        return new NrichSettings(baseUri, clientId, clientSecret, connectTimeout, readTimeout, size, pages,
                sendRedirectUriOnExchange, tokenRequestEncoding, incomeReportEndpoint, legacyIncomeReportMonths, maxResponseBytes,
                maxTransactions, readDeadline);
    }

    public NrichSettings withExchange(boolean sendRedirectUri, TokenRequestEncoding encoding) {
        return new NrichSettings(baseUri, clientId, clientSecret, connectTimeout, readTimeout, pageSize, maxPages,
                sendRedirectUri, encoding, incomeReportEndpoint, legacyIncomeReportMonths, maxResponseBytes,
                maxTransactions, readDeadline);
    }

    public NrichSettings withIncomeReport(IncomeReportEndpoint endpoint, int legacyMonths) {
        return new NrichSettings(baseUri, clientId, clientSecret, connectTimeout, readTimeout, pageSize, maxPages,
                sendRedirectUriOnExchange, tokenRequestEncoding, endpoint, legacyMonths, maxResponseBytes, maxTransactions,
                readDeadline);
    }

    public NrichSettings withMaxResponseBytes(long bytes) {
        return new NrichSettings(baseUri, clientId, clientSecret, connectTimeout, readTimeout, pageSize, maxPages,
                sendRedirectUriOnExchange, tokenRequestEncoding, incomeReportEndpoint, legacyIncomeReportMonths, bytes, maxTransactions,
                readDeadline);
    }

    public NrichSettings withReadDeadline(Duration deadline) {
        return new NrichSettings(baseUri, clientId, clientSecret, connectTimeout, readTimeout, pageSize, maxPages,
                sendRedirectUriOnExchange, tokenRequestEncoding, incomeReportEndpoint, legacyIncomeReportMonths,
                maxResponseBytes, maxTransactions, deadline);
    }

    public NrichSettings withMaxTransactions(int items) {
        return new NrichSettings(baseUri, clientId, clientSecret, connectTimeout, readTimeout, pageSize, maxPages,
                sendRedirectUriOnExchange, tokenRequestEncoding, incomeReportEndpoint, legacyIncomeReportMonths, maxResponseBytes,
                items, readDeadline);
    }

    @Override
    public String toString() {
        return "NrichSettings[baseUri=" + baseUri + ", clientId=" + clientId + ", clientSecret=***"
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", pageSize=" + pageSize
                + ", maxPages=" + maxPages + ", sendRedirectUriOnExchange=" + sendRedirectUriOnExchange
                + ", tokenRequestEncoding=" + tokenRequestEncoding + ", incomeReportEndpoint=" + incomeReportEndpoint
                + ", legacyIncomeReportMonths=" + legacyIncomeReportMonths + ", maxResponseBytes=" + maxResponseBytes
                + ", maxTransactions=" + maxTransactions + "]";
    }

    /** The value is not echoed: a URL may carry user information. */
    private static URI baseUrl(String value) {
        try {
            return new URI(value);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(BASE_URL + " (nrich base URL) is not a URL");
        }
    }

}
