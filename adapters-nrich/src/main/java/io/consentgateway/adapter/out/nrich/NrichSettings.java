package io.consentgateway.adapter.out.nrich;

import io.consentgateway.adapter.kit.PagingLimitExceeded;
import io.consentgateway.adapter.kit.ConfigValues;
import io.consentgateway.adapter.kit.ProviderConfig;
import io.consentgateway.adapter.kit.ProviderSettingsBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the nrich adapter reaches nrich, checked. MicroProfile Config binds the keys ({@code cg.nrich.*}) to
 * {@link NrichConfig}, which the adapter's CDI constructor turns into these settings, so a bad value fails the
 * deployment naming its key; code (tests, tools) builds them with {@link #builder()}. The client secret never appears
 * in {@link #toString()}.
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
    public static final String BASE_URL = PREFIX + ProviderConfig.BASE_URL;
    public static final String CLIENT_ID = PREFIX + ProviderConfig.CLIENT_ID;
    public static final String CLIENT_SECRET = PREFIX + ProviderConfig.CLIENT_SECRET;
    public static final String CONNECT_TIMEOUT = PREFIX + ProviderConfig.CONNECT_TIMEOUT;
    public static final String READ_TIMEOUT = PREFIX + ProviderConfig.READ_TIMEOUT;
    public static final String PAGE_SIZE = PREFIX + ProviderConfig.PAGE_SIZE;
    public static final String MAX_PAGES = PREFIX + ProviderConfig.MAX_PAGES;
    public static final String SEND_REDIRECT_URI = PREFIX + "exchange.send-redirect-uri";
    public static final String TOKEN_REQUEST_ENCODING = PREFIX + "token-request-encoding";
    public static final String INCOME_REPORT_ENDPOINT = PREFIX + "income-report-endpoint";
    public static final String LEGACY_INCOME_REPORT_MONTHS = PREFIX + "legacy-income-report-months";
    public static final String MAX_RESPONSE_BYTES = PREFIX + ProviderConfig.MAX_RESPONSE_BYTES;
    public static final String MAX_TRANSACTIONS = PREFIX + ProviderConfig.MAX_TRANSACTIONS;
    public static final String READ_DEADLINE = PREFIX + ProviderConfig.READ_DEADLINE;

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
    /** The defaults that point at the bundled sandbox, which a production deployment refuses. */
    public static final ProviderConfig.Sandbox SANDBOX =
            new ProviderConfig.Sandbox(DEFAULT_BASE_URI, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET);

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

    /** The documented defaults (which point at the bundled sandbox), to change with the builder's methods. */
    public static Builder builder() {
        return new Builder();
    }

    /** These settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder().baseUri(baseUri).client(clientId, clientSecret).connectTimeout(connectTimeout)
                .readTimeout(readTimeout).pageSize(pageSize).maxPages(maxPages)
                .sendRedirectUriOnExchange(sendRedirectUriOnExchange).tokenRequestEncoding(tokenRequestEncoding)
                .incomeReportEndpoint(incomeReportEndpoint).legacyIncomeReportMonths(legacyIncomeReportMonths)
                .maxResponseBytes(maxResponseBytes).maxTransactions(maxTransactions).readDeadline(readDeadline);
    }

    /** The base URI without a trailing slash, so that interface paths ({@code /ongoing/access}) append cleanly. */
    public URI normalisedBaseUri() {
        String text = baseUri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
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

    /**
     * Builds {@link NrichSettings} in code: {@link NrichConfig} from MicroProfile Config, tests and tools. It starts
     * from the documented defaults; {@link #build()} checks every value as the record does, naming its key.
     */
    public static final class Builder implements ProviderSettingsBuilder<Builder> {
        private URI baseUri = DEFAULT_BASE_URI;
        private String clientId = DEFAULT_CLIENT_ID;
        private String clientSecret = DEFAULT_CLIENT_SECRET;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private int pageSize = DEFAULT_PAGE_SIZE;
        private int maxPages = DEFAULT_MAX_PAGES;
        private boolean sendRedirectUriOnExchange = true;
        private TokenRequestEncoding tokenRequestEncoding = TokenRequestEncoding.JSON;
        private IncomeReportEndpoint incomeReportEndpoint = IncomeReportEndpoint.CURRENT;
        private int legacyIncomeReportMonths = DEFAULT_LEGACY_INCOME_REPORT_MONTHS;
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private int maxTransactions = DEFAULT_MAX_TRANSACTIONS;
        private Duration readDeadline = DEFAULT_READ_DEADLINE;

        private Builder() {
        }

        @Override public Builder baseUri(URI value) { baseUri = value; return this; }
        @Override public Builder client(String id, String secret) { clientId = id; clientSecret = secret; return this; }
        @Override public Builder connectTimeout(Duration value) { connectTimeout = value; return this; }
        @Override public Builder readTimeout(Duration value) { readTimeout = value; return this; }
        @Override public Builder pageSize(int value) { pageSize = value; return this; }
        @Override public Builder maxPages(int value) { maxPages = value; return this; }
        public Builder sendRedirectUriOnExchange(boolean value) { sendRedirectUriOnExchange = value; return this; }
        public Builder tokenRequestEncoding(TokenRequestEncoding value) { tokenRequestEncoding = value; return this; }
        public Builder incomeReportEndpoint(IncomeReportEndpoint value) { incomeReportEndpoint = value; return this; }
        public Builder legacyIncomeReportMonths(int value) { legacyIncomeReportMonths = value; return this; }
        @Override public Builder maxResponseBytes(long value) { maxResponseBytes = value; return this; }
        @Override public Builder maxTransactions(int value) { maxTransactions = value; return this; }
        @Override public Builder readDeadline(Duration value) { readDeadline = value; return this; }

        /** The settings; a bad value is an {@link IllegalArgumentException} naming its key. */
        public NrichSettings build() {
            return new NrichSettings(baseUri, clientId, clientSecret, connectTimeout, readTimeout, pageSize, maxPages,
                    sendRedirectUriOnExchange, tokenRequestEncoding, incomeReportEndpoint, legacyIncomeReportMonths,
                    maxResponseBytes, maxTransactions, readDeadline);
        }
    }
}
