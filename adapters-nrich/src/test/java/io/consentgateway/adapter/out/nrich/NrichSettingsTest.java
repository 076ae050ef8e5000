package io.consentgateway.adapter.out.nrich;

import io.consentgateway.adapter.kit.ProviderConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The binding of {@code cg.nrich.*} to {@link NrichConfig} (by SmallRye Config, MicroProfile Config's implementation
 * in Open Liberty, as the container does for {@code @ConfigProperties}) and its checks into {@link NrichSettings}.
 */
class NrichSettingsTest {
    private static final String BASE_URL = NrichSettings.PREFIX + ProviderConfig.BASE_URL;
    private static final String CLIENT_ID = NrichSettings.PREFIX + ProviderConfig.CLIENT_ID;
    private static final String CLIENT_SECRET = NrichSettings.PREFIX + ProviderConfig.CLIENT_SECRET;


    @Test
    void anEmptyConfigurationGivesTheDocumentedDefaults() {
        NrichSettings settings = settings(Map.of());

        assertThat(settings).isEqualTo(NrichSettings.builder().build());
        assertThat(settings.common().baseUri()).isEqualTo(URI.create("http://localhost:9080/sandbox/nrich"));
        assertThat(settings.common().clientId()).isEqualTo("demo-client");
        assertThat(settings.common().clientSecret()).isEqualTo("demo-secret");
        assertThat(settings.common().connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.common().readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.pageSize()).isEqualTo(1000);
        assertThat(settings.common().maxPages()).isEqualTo(500);
        assertThat(settings.common().maxTransactions()).isEqualTo(100_000);
        assertThat(settings.common().readDeadline()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.sendRedirectUriOnExchange()).isTrue();
        assertThat(settings.tokenRequestEncoding()).isEqualTo(NrichSettings.TokenRequestEncoding.JSON);
        assertThat(settings.incomeReportEndpoint()).isEqualTo(NrichSettings.IncomeReportEndpoint.CURRENT);
        assertThat(settings.legacyIncomeReportMonths()).isEqualTo(12);
        assertThat(settings.common().maxResponseBytes()).isEqualTo(16L * 1024 * 1024);
    }

    @Test
    void everyDocumentedKeyIsBound() {
        Map<String, String> config = Map.ofEntries(
                Map.entry("cg.nrich.base-url", "https://api.finx-s.qwist.cloud/"),
                Map.entry("cg.nrich.client-id", "id"),
                Map.entry("cg.nrich.client-secret", "secret"),
                Map.entry("cg.nrich.connect-timeout", "PT3S"),
                Map.entry("cg.nrich.read-timeout", "15000"),
                Map.entry("cg.nrich.page-size", "250"),
                Map.entry("cg.nrich.max-pages", "40"),
                Map.entry("cg.nrich.exchange.send-redirect-uri", "FALSE"),
                Map.entry("cg.nrich.token-request-encoding", "form"),
                Map.entry("cg.nrich.income-report-endpoint", "Legacy"),
                Map.entry("cg.nrich.legacy-income-report-months", "6"),
                Map.entry("cg.nrich.max-response-bytes", "1048576"),
                Map.entry("cg.nrich.max-transactions", "5000"),
                Map.entry("cg.nrich.read-deadline", "pt1m"));

        NrichSettings settings = settings(config);

        assertThat(settings).isEqualTo(NrichSettings.builder()
                .baseUri(URI.create("https://api.finx-s.qwist.cloud/"))
                .client("id", "secret")
                .connectTimeout(Duration.ofSeconds(3))
                .readTimeout(Duration.ofSeconds(15))
                .pageSize(250)
                .maxPages(40)
                .sendRedirectUriOnExchange(false)
                .tokenRequestEncoding(NrichSettings.TokenRequestEncoding.FORM)
                .incomeReportEndpoint(NrichSettings.IncomeReportEndpoint.LEGACY)
                .legacyIncomeReportMonths(6)
                .maxResponseBytes(1_048_576)
                .maxTransactions(5000)
                .readDeadline(Duration.ofMinutes(1))
                .build());
        assertThat(settings.common().normalisedBaseUri()).isEqualTo(URI.create("https://api.finx-s.qwist.cloud"));
    }

    @Test
    void surroundingBlanksAreNoPartOfAValue() {
        NrichSettings settings = settings(Map.of("cg.nrich.client-id", " id ", "cg.nrich.read-timeout", " PT7S ",
                "cg.nrich.page-size", " 20 "));

        assertThat(settings.common().clientId()).isEqualTo("id");
        assertThat(settings.common().readTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(settings.pageSize()).isEqualTo(20);
    }

    @Test
    void anEmptyOrBlankValueTakesTheDefault() {
        assertThat(settings(Map.of("cg.nrich.page-size", "", "cg.nrich.read-timeout", "", "cg.nrich.client-id", "")))
                .isEqualTo(NrichSettings.builder().build());
        assertThat(settings(Map.of("cg.nrich.page-size", "  ", "cg.nrich.read-timeout", " ", "cg.nrich.client-secret", " ")))
                .isEqualTo(NrichSettings.builder().build());
    }

    @Test
    void toStringNeverPrintsTheClientSecret() {
        NrichSettings settings = NrichSettings.builder().client("id", "very-secret-value").build();
        Bound config = bind(Map.of("cg.nrich.client-secret", "very-secret-value"));

        assertThat(settings.toString()).doesNotContain("very-secret-value").contains("clientSecret=***").contains("id");
        assertThat(config.toString()).doesNotContain("very-secret-value");
    }

    /** Each key with a value it cannot take: the failure names that key, and never echoes the secret. */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "cg.nrich.base-url|not a url at all",
            "cg.nrich.base-url|/relative/path",
            "cg.nrich.base-url|ftp://files.example/nrich",
            "cg.nrich.client-id|id:with-colon",
            "cg.nrich.connect-timeout|soon",
            "cg.nrich.connect-timeout|PT-5S",
            "cg.nrich.read-timeout|0",
            "cg.nrich.read-deadline|forever",
            "cg.nrich.page-size|0",
            "cg.nrich.page-size|10001",
            "cg.nrich.page-size|lots",
            "cg.nrich.max-pages|0",
            "cg.nrich.max-pages|many",
            "cg.nrich.exchange.send-redirect-uri|maybe",
            "cg.nrich.exchange.send-redirect-uri|yes",
            "cg.nrich.token-request-encoding|xml",
            "cg.nrich.income-report-endpoint|newest",
            "cg.nrich.legacy-income-report-months|25",
            "cg.nrich.max-response-bytes|100",
            "cg.nrich.max-response-bytes|lots",
            "cg.nrich.max-transactions|-1",
            "cg.nrich.max-transactions|many"})
    void aBadValueOfAnyKeyIsRefusedNamingTheKey(String key, String value) {
        Map<String, String> config = Map.of(key, value, "cg.nrich.client-secret", "the-very-secret");

        assertThatThrownBy(() -> settings(config))
                .hasMessageContaining(key)
                .hasMessageNotContaining("the-very-secret");
    }

    @Test
    void theEnumsNameTheirValues() {
        assertThatThrownBy(() -> settings(Map.of("cg.nrich.token-request-encoding", "xml")))
                .hasMessageContaining("JSON, FORM");
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", ""})
    void aBlankSecretIsRefusedNamingTheKey(String secret) {
        assertThatThrownBy(() -> NrichSettings.builder().client("id", secret).build())
                .hasMessageContaining("cg.nrich.client-secret");
    }

    @Test
    void theBuilderChecksAsTheRecordDoes() {
        assertThatThrownBy(() -> NrichSettings.builder().client("a:b", "s").build()).hasMessageContaining("':'");
        assertThatThrownBy(() -> NrichSettings.builder().connectTimeout(Duration.ZERO).build())
                .hasMessageContaining("cg.nrich.connect-timeout");
        assertThatThrownBy(() -> NrichSettings.builder().maxTransactions(0).build())
                .hasMessageContaining("cg.nrich.max-transactions");
        NrichSettings some = NrichSettings.builder().pageSize(2).maxPages(100).build();
        assertThat(some.toBuilder().build()).isEqualTo(some);
    }

    @Test
    void theAdapterTakesItsBoundConfiguration() {
        Bound config = bind(Map.of("cg.nrich.base-url", "https://api.finx-s.qwist.cloud/", "cg.nrich.page-size", "250"));

        try (NrichConsentProvider nrich = new NrichConsentProvider(config.produced(Optional.empty()))) {
            assertThat(nrich.baseUri()).isEqualTo(URI.create("https://api.finx-s.qwist.cloud"));
            assertThat(nrich.id().value()).isEqualTo("nrich");
        }
    }

    @Test
    void aProductionDeploymentRefusesTheDemoClientAndTheSandboxNamingTheKey() {
        Map<String, String> own = Map.of(BASE_URL, "https://api.nrich.example",
                CLIENT_ID, "fintech-7", CLIENT_SECRET, "a-real-secret");
        assertThat(bind(own).settings(true).common().clientId()).isEqualTo("fintech-7");

        for (String key : List.of(BASE_URL, CLIENT_ID, CLIENT_SECRET)) {
            Map<String, String> withDefault = new HashMap<>(own);
            withDefault.remove(key);
            Bound config = bind(withDefault);
            assertThatThrownBy(() -> config.settings(true)).hasMessageContaining(key).hasMessageContaining("production");
            assertThat(config.settings(false)).isNotNull();
        }
        assertThatThrownBy(() -> bind(Map.of()).produced(Optional.of(" Production ")))
                .hasMessageContaining(BASE_URL);
    }

    /** As MicroProfile Config in the server binds {@code @ConfigProperties(prefix = "cg.nrich")}. */
    static Bound bind(Map<String, String> values) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .withMapping(NrichConfig.class, "cg.nrich")
                .withMapping(ProviderConfig.class, "cg.nrich")
                .build();
        return new Bound(config.getConfigMapping(NrichConfig.class, "cg.nrich"),
                config.getConfigMapping(ProviderConfig.class, "cg.nrich"));
    }

    /** The two classes {@code cg.nrich.*} is bound to: the provider's own keys and the keys every provider has. */
    record Bound(NrichConfig own, ProviderConfig common) {
        NrichSettings settings(boolean production) {
            return own.settings(common, production);
        }

        /** As the adapter's settings producer makes them. */
        NrichSettings produced(Optional<String> deployment) {
            return NrichCalls.settings(own, common, deployment);
        }
    }

    private static NrichSettings settings(Map<String, String> values) {
        return bind(values).settings(false);
    }
}
