package io.consentgateway.adapter.out.nrich;

import io.consentgateway.adapter.kit.ConfigValues;
import io.consentgateway.adapter.kit.ProviderConfig;
import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

import static io.consentgateway.adapter.kit.ConfigValues.text;

/**
 * nrich's own keys ({@code cg.nrich.*}) as MicroProfile Config binds them; the keys every provider has (URL, client,
 * timeouts, paging limits) are bound under the same prefix to the kit's {@link ProviderConfig}. The settings producer
 * ({@link NrichCalls#settings}) takes both and calls {@link #settings(ProviderConfig, boolean)}, which checks every
 * value and answers the {@link NrichSettings} the adapter works with. Both happen while the application starts, so a
 * bad value stops the deployment with a message naming its key.
 *
 * <p>Every key is optional: an absent, empty or blank one keeps the default of {@link NrichSettings#builder()}, which
 * points at the bundled sandbox (docs/configuration.md lists the defaults). As in {@link ProviderConfig}, the defaults
 * are not repeated as {@code defaultValue}s, whole numbers are converted by MicroProfile Config, and the other values
 * are bound as text and converted with the kit's {@link ConfigValues}, because MicroProfile Config's own converters
 * accept other values than the documented ones: its {@code Boolean} reads any unknown word ({@code ture}) as
 * {@code false}, and its enums take only some spellings ({@code json}, not {@code Json}).
 *
 * <p>{@code @ConfigProperties} is no bean-defining annotation, and this module's bean archive discovers annotated
 * types only: hence {@code @Dependent}, which lets the container find the class.
 */
@ConfigProperties(prefix = "cg.nrich")
@Dependent
public class NrichConfig {

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

    /**
     * The checked settings. A bad value is an {@link IllegalArgumentException} naming its key, never the secret's
     * value; a production deployment ({@code cg.deployment=production}) refuses the sandbox's URL and demo client,
     * set so or left at their defaults.
     *
     * @param common     the keys every provider has, bound under {@code cg.nrich}
     * @param production whether {@value ConfigValues#DEPLOYMENT} says {@code production} ({@link ConfigValues#production})
     */
    public NrichSettings settings(ProviderConfig common, boolean production) {
        NrichSettings.Builder settings = common.applyTo(NrichSettings.builder(), production);
        text(sendRedirectUri).map(v -> ConfigValues.bool(v, NrichSettings.SEND_REDIRECT_URI))
                .ifPresent(settings::sendRedirectUriOnExchange);
        text(tokenRequestEncoding).map(v -> ConfigValues.enumValue(NrichSettings.TokenRequestEncoding.class, v,
                NrichSettings.TOKEN_REQUEST_ENCODING)).ifPresent(settings::tokenRequestEncoding);
        text(incomeReportEndpoint).map(v -> ConfigValues.enumValue(NrichSettings.IncomeReportEndpoint.class, v,
                NrichSettings.INCOME_REPORT_ENDPOINT)).ifPresent(settings::incomeReportEndpoint);
        legacyIncomeReportMonths.ifPresent(settings::legacyIncomeReportMonths);
        return settings.build();
    }

    @Override
    public String toString() {
        return "NrichConfig[exchange.send-redirect-uri=" + sendRedirectUri.orElse("(default)")
                + ", token-request-encoding=" + tokenRequestEncoding.orElse("(default)")
                + ", income-report-endpoint=" + incomeReportEndpoint.orElse("(default)") + "]";
    }
}
