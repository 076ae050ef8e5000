package io.consentgateway.adapter.out.nrich;

import io.consentgateway.adapter.kit.ConfigValues;
import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;

import static io.consentgateway.adapter.kit.ConfigValues.text;

/**
 * The nrich adapter's keys ({@code cg.nrich.*}) as MicroProfile Config binds them: the CDI constructor of
 * {@link NrichConsentProvider} takes {@code @ConfigProperties NrichConfig} and calls {@link #settings(boolean)}, which
 * checks every value and answers the {@link NrichSettings} the adapter works with. Both happen while the application
 * starts (the provider is created then), so a bad value stops the deployment with a message naming its key.
 *
 * <p>Every key is optional: an absent, empty or blank one keeps the default of {@link NrichSettings#builder()}, which
 * points at the bundled sandbox (docs/configuration.md lists the defaults). The defaults are not repeated here as
 * {@code defaultValue}s: MicroProfile Config would take an empty value ({@code CG_NRICH_PAGE_SIZE=}) for a missing
 * one and fail the deployment instead of using the default.
 *
 * <p>Which values MicroProfile Config converts, and which are bound as text: the whole numbers are {@code Integer}
 * and {@code Long}, converted by MicroProfile Config (a value that is not a number fails the deployment with its
 * message, which names the key). The other values are bound as text and converted here with the kit's
 * {@link ConfigValues}, because MicroProfile Config's own converters accept other values than the documented ones: its
 * {@code Boolean} reads any unknown word ({@code ture}) as {@code false}, its enums take only some spellings
 * ({@code json}, not {@code Json}), and it has no {@code Duration} converter that also takes milliseconds
 * ({@code 5000}) beside ISO-8601 ({@code PT5S}); a converter registered for {@code Duration} would change every
 * {@code Duration} of the application, not only these keys. The base URL is text so that a malformed one is reported
 * without its value (a URL may carry user information); no message echoes the client secret.
 *
 * <p>{@code @ConfigProperties} is no bean-defining annotation, and this module's bean archive discovers annotated
 * types only: hence {@code @Dependent}, which lets the container find the class.
 */
@ConfigProperties(prefix = "cg.nrich")
@Dependent
public class NrichConfig {

    @ConfigProperty(name = "base-url")
    public Optional<String> baseUrl;

    @ConfigProperty(name = "client-id")
    public Optional<String> clientId;

    /** Never printed. */
    @ConfigProperty(name = "client-secret")
    public Optional<String> clientSecret;

    /** ISO-8601 ({@code PT5S}, any case) or milliseconds ({@code 5000}), as every duration below. */
    @ConfigProperty(name = "connect-timeout")
    public Optional<String> connectTimeout;

    @ConfigProperty(name = "read-timeout")
    public Optional<String> readTimeout;

    @ConfigProperty(name = "page-size")
    public Optional<Integer> pageSize;

    @ConfigProperty(name = "max-pages")
    public Optional<Integer> maxPages;

    @ConfigProperty(name = "max-transactions")
    public Optional<Integer> maxTransactions;

    @ConfigProperty(name = "read-deadline")
    public Optional<String> readDeadline;

    /** {@code true} or {@code false}, in any case. */
    @ConfigProperty(name = "exchange.send-redirect-uri")
    public Optional<String> sendRedirectUri;

    /** {@code JSON} or {@code FORM}, in any case. */
    @ConfigProperty(name = "token-request-encoding")
    public Optional<String> tokenRequestEncoding;

    /** {@code CURRENT} or {@code LEGACY}, in any case. */
    @ConfigProperty(name = "income-report-endpoint")
    public Optional<String> incomeReportEndpoint;

    @ConfigProperty(name = "legacy-income-report-months")
    public Optional<Integer> legacyIncomeReportMonths;

    @ConfigProperty(name = "max-response-bytes")
    public Optional<Long> maxResponseBytes;

    /**
     * The checked settings. A bad value is an {@link IllegalArgumentException} naming its key, never the secret's
     * value; a production deployment ({@code cg.deployment=production}) refuses the sandbox's URL and demo client,
     * set so or left at their defaults.
     *
     * @param production whether {@value ConfigValues#DEPLOYMENT} says {@code production} ({@link ConfigValues#production})
     */
    public NrichSettings settings(boolean production) {
        URI baseUri = text(baseUrl).map(v -> ConfigValues.url(v, NrichSettings.BASE_URL))
                .orElse(NrichSettings.DEFAULT_BASE_URI);
        String id = text(clientId).orElse(NrichSettings.DEFAULT_CLIENT_ID);
        String secret = text(clientSecret).orElse(NrichSettings.DEFAULT_CLIENT_SECRET);
        ConfigValues.refuseDemoValueInProduction(production, NrichSettings.BASE_URL, baseUri.toString(),
                NrichSettings.DEFAULT_BASE_URI.toString());
        ConfigValues.refuseDemoValueInProduction(production, NrichSettings.CLIENT_ID, id, NrichSettings.DEFAULT_CLIENT_ID);
        ConfigValues.refuseDemoValueInProduction(production, NrichSettings.CLIENT_SECRET, secret,
                NrichSettings.DEFAULT_CLIENT_SECRET);

        NrichSettings.Builder settings = NrichSettings.builder().baseUri(baseUri).client(id, secret);
        text(connectTimeout).map(v -> ConfigValues.duration(v, NrichSettings.CONNECT_TIMEOUT)).ifPresent(settings::connectTimeout);
        text(readTimeout).map(v -> ConfigValues.duration(v, NrichSettings.READ_TIMEOUT)).ifPresent(settings::readTimeout);
        pageSize.ifPresent(settings::pageSize);
        maxPages.ifPresent(settings::maxPages);
        maxTransactions.ifPresent(settings::maxTransactions);
        text(readDeadline).map(v -> ConfigValues.duration(v, NrichSettings.READ_DEADLINE)).ifPresent(settings::readDeadline);
        text(sendRedirectUri).map(v -> ConfigValues.bool(v, NrichSettings.SEND_REDIRECT_URI))
                .ifPresent(settings::sendRedirectUriOnExchange);
        text(tokenRequestEncoding).map(v -> ConfigValues.enumValue(NrichSettings.TokenRequestEncoding.class, v,
                NrichSettings.TOKEN_REQUEST_ENCODING)).ifPresent(settings::tokenRequestEncoding);
        text(incomeReportEndpoint).map(v -> ConfigValues.enumValue(NrichSettings.IncomeReportEndpoint.class, v,
                NrichSettings.INCOME_REPORT_ENDPOINT)).ifPresent(settings::incomeReportEndpoint);
        legacyIncomeReportMonths.ifPresent(settings::legacyIncomeReportMonths);
        maxResponseBytes.ifPresent(settings::maxResponseBytes);
        return settings.build();
    }

    @Override
    public String toString() {
        return "NrichConfig[base-url=" + baseUrl.orElse("(default)") + ", client-id=" + clientId.orElse("(default)")
                + ", client-secret=" + clientSecret.map(s -> "***").orElse("(default)") + "]";
    }
}
