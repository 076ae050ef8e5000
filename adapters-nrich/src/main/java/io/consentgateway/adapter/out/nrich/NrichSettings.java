package io.consentgateway.adapter.out.nrich;

import io.consentgateway.adapter.kit.ProviderConfig;
import io.consentgateway.adapter.kit.ProviderSettings;
import io.consentgateway.adapter.kit.ProviderSettingsBuilder;
import java.net.URI;
import java.util.Objects;

/**
 * How the nrich adapter reaches nrich, checked: what every provider has ({@link ProviderSettings}: URL, client,
 * timeouts, limits) and what only nrich has. MicroProfile Config binds the keys ({@code cg.nrich.*}) to the kit's
 * {@link ProviderConfig} and to {@link NrichConfig}, which the adapter's settings producer turns into these settings,
 * so a bad value fails the deployment naming its key; code (tests, tools) builds them with {@link #builder()}. The
 * client secret never appears in {@link #toString()}.
 *
 * <p>Several settings exist because nrich's public material leaves the fact open (docs/providers/nrich.md): the
 * token request's encoding, whether {@code redirect_uri} goes with a code exchange, and which income report
 * endpoint the tenant has.
 *
 * @param common                    what every provider has; its base URI is nrich's API root, e.g.
 *                                  {@code https://api.finx-s.qwist.cloud}
 * @param pageSize                  transactions per page ({@code count}): 1..10000, nrich's default 1000
 * @param sendRedirectUriOnExchange whether a code exchange carries {@code redirect_uri}
 * @param tokenRequestEncoding      JSON (documented) or form-urlencoded (OAuth 2.0 style)
 * @param incomeReportEndpoint      {@code /rest/income-reports/{flow id}} or the older {@code /rest/income-report}
 * @param legacyIncomeReportMonths  months the older income report endpoint asks for (ending this month)
 */
public record NrichSettings(
        ProviderSettings common,
        int pageSize,
        boolean sendRedirectUriOnExchange,
        TokenRequestEncoding tokenRequestEncoding,
        IncomeReportEndpoint incomeReportEndpoint,
        int legacyIncomeReportMonths) {

    public static final String PREFIX = "cg.nrich.";
    public static final String SEND_REDIRECT_URI = PREFIX + "exchange.send-redirect-uri";
    public static final String TOKEN_REQUEST_ENCODING = PREFIX + "token-request-encoding";
    public static final String INCOME_REPORT_ENDPOINT = PREFIX + "income-report-endpoint";
    public static final String LEGACY_INCOME_REPORT_MONTHS = PREFIX + "legacy-income-report-months";

    /** The defaults that point at the bundled sandbox and its demo client, which a production deployment refuses. */
    public static final ProviderConfig.Sandbox SANDBOX = new ProviderConfig.Sandbox(
            URI.create("http://localhost:9080/sandbox/nrich"), "demo-client", "demo-secret");
    public static final int DEFAULT_PAGE_SIZE = 1000;
    public static final int DEFAULT_MAX_PAGES = 500;
    public static final int DEFAULT_LEGACY_INCOME_REPORT_MONTHS = 12;

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
        Objects.requireNonNull(common, "provider settings");
        if (pageSize < 1 || pageSize > 10_000) {
            throw new IllegalArgumentException("configuration key " + common.key(ProviderConfig.PAGE_SIZE)
                    + " must be 1..10000, was " + pageSize);
        }
        if (tokenRequestEncoding == null) {
            throw new IllegalArgumentException("configuration key " + TOKEN_REQUEST_ENCODING + " is required");
        }
        if (incomeReportEndpoint == null) {
            throw new IllegalArgumentException("configuration key " + INCOME_REPORT_ENDPOINT + " is required");
        }
        if (legacyIncomeReportMonths < 1 || legacyIncomeReportMonths > 24) {
            throw new IllegalArgumentException("configuration key " + LEGACY_INCOME_REPORT_MONTHS + " must be 1..24, was "
                    + legacyIncomeReportMonths);
        }
    }

    /** The documented defaults (which point at the bundled sandbox), to change with the builder's methods. */
    public static Builder builder() {
        return new Builder();
    }

    /** These settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder().from(common).pageSize(pageSize).sendRedirectUriOnExchange(sendRedirectUriOnExchange)
                .tokenRequestEncoding(tokenRequestEncoding).incomeReportEndpoint(incomeReportEndpoint)
                .legacyIncomeReportMonths(legacyIncomeReportMonths);
    }

    /**
     * Builds {@link NrichSettings} in code: from MicroProfile Config ({@link NrichConfig}), tests and tools. It starts
     * from the documented defaults; {@link #build()} checks every value as the records do, naming its key. What every
     * provider has is set with the kit's methods ({@code baseUri}, {@code client}, {@code readTimeout}, ...).
     */
    public static final class Builder extends ProviderSettingsBuilder<Builder> {
        private boolean sendRedirectUriOnExchange = true;
        private TokenRequestEncoding tokenRequestEncoding = TokenRequestEncoding.JSON;
        private IncomeReportEndpoint incomeReportEndpoint = IncomeReportEndpoint.CURRENT;
        private int legacyIncomeReportMonths = DEFAULT_LEGACY_INCOME_REPORT_MONTHS;

        private Builder() {
            super(PREFIX, SANDBOX, DEFAULT_PAGE_SIZE, DEFAULT_MAX_PAGES);
        }

        public Builder sendRedirectUriOnExchange(boolean value) { sendRedirectUriOnExchange = value; return this; }
        public Builder tokenRequestEncoding(TokenRequestEncoding value) { tokenRequestEncoding = value; return this; }
        public Builder incomeReportEndpoint(IncomeReportEndpoint value) { incomeReportEndpoint = value; return this; }
        public Builder legacyIncomeReportMonths(int value) { legacyIncomeReportMonths = value; return this; }

        /** The settings; a bad value is an {@link IllegalArgumentException} naming its key. */
        public NrichSettings build() {
            return new NrichSettings(common(), pageSize(), sendRedirectUriOnExchange, tokenRequestEncoding,
                    incomeReportEndpoint, legacyIncomeReportMonths);
        }
    }
}
