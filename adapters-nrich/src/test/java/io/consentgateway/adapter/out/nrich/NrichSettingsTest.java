package io.consentgateway.adapter.out.nrich;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NrichSettingsTest {

    @Test
    void emptyConfigurationGivesTheDocumentedDefaults() {
        NrichSettings settings = NrichSettings.fromConfig(key -> Optional.empty());

        assertThat(settings).isEqualTo(NrichSettings.defaults());
        assertThat(settings.baseUri()).isEqualTo(URI.create("http://localhost:9080/sandbox/nrich"));
        assertThat(settings.clientId()).isEqualTo("demo-client");
        assertThat(settings.clientSecret()).isEqualTo("demo-secret");
        assertThat(settings.pageSize()).isEqualTo(1000);
        assertThat(settings.maxPages()).isEqualTo(500);
        assertThat(settings.maxTransactions()).isEqualTo(100_000);
        assertThat(settings.sendRedirectUriOnExchange()).isTrue();
        assertThat(settings.tokenRequestEncoding()).isEqualTo(NrichSettings.TokenRequestEncoding.JSON);
        assertThat(settings.incomeReportEndpoint()).isEqualTo(NrichSettings.IncomeReportEndpoint.CURRENT);
    }

    @Test
    void everyDocumentedKeyIsRead() {
        Map<String, String> config = Map.ofEntries(
                Map.entry("cg.nrich.base-url", "https://api.finx-s.qwist.cloud/"),
                Map.entry("cg.nrich.client-id", "id"),
                Map.entry("cg.nrich.client-secret", "secret"),
                Map.entry("cg.nrich.connect-timeout", "PT3S"),
                Map.entry("cg.nrich.read-timeout", "15000"),
                Map.entry("cg.nrich.page-size", "250"),
                Map.entry("cg.nrich.max-pages", "40"),
                Map.entry("cg.nrich.exchange.send-redirect-uri", "false"),
                Map.entry("cg.nrich.token-request-encoding", "form"),
                Map.entry("cg.nrich.income-report-endpoint", "LEGACY"),
                Map.entry("cg.nrich.legacy-income-report-months", "6"),
                Map.entry("cg.nrich.max-response-bytes", "1048576"),
                Map.entry("cg.nrich.max-transactions", "5000"));

        NrichSettings settings = NrichSettings.fromConfig(key -> Optional.ofNullable(config.get(key)));

        assertThat(settings).isEqualTo(new NrichSettings(URI.create("https://api.finx-s.qwist.cloud/"), "id", "secret",
                Duration.ofSeconds(3), Duration.ofSeconds(15), 250, 40, false, NrichSettings.TokenRequestEncoding.FORM,
                NrichSettings.IncomeReportEndpoint.LEGACY, 6, 1_048_576, 5000));
        assertThat(settings.normalisedBaseUri()).isEqualTo(URI.create("https://api.finx-s.qwist.cloud"));
    }

    @Test
    void toStringNeverPrintsTheClientSecret() {
        NrichSettings settings = NrichSettings.defaults().withClient("id", "very-secret-value");

        assertThat(settings.toString()).doesNotContain("very-secret-value").contains("clientSecret=***").contains("id");
    }

    @Test
    void invalidValuesAreRefusedNamingTheKeyButNotTheSecret() {
        assertThatThrownBy(() -> NrichSettings.fromConfig(key -> key.equals("cg.nrich.page-size") ? Optional.of("lots") : Optional.empty()))
                .hasMessageContaining("cg.nrich.page-size");
        assertThatThrownBy(() -> NrichSettings.fromConfig(key -> key.equals("cg.nrich.token-request-encoding") ? Optional.of("xml") : Optional.empty()))
                .hasMessageContaining("JSON, FORM");
        assertThatThrownBy(() -> NrichSettings.defaults().withClient("a:b", "s")).hasMessageContaining("':'");
        assertThatThrownBy(() -> NrichSettings.defaults().withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("connect timeout");
        assertThatThrownBy(() -> NrichSettings.fromConfig(key -> key.equals("cg.nrich.max-transactions") ? Optional.of("many") : Optional.empty()))
                .hasMessageContaining("cg.nrich.max-transactions");
        assertThatThrownBy(() -> NrichSettings.defaults().withMaxTransactions(0)).hasMessageContaining("max transactions");
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
            "cg.nrich.page-size|0",
            "cg.nrich.page-size|10001",
            "cg.nrich.max-pages|0",
            "cg.nrich.max-pages|many",
            "cg.nrich.exchange.send-redirect-uri|maybe",
            "cg.nrich.token-request-encoding|xml",
            "cg.nrich.income-report-endpoint|newest",
            "cg.nrich.legacy-income-report-months|25",
            "cg.nrich.max-response-bytes|100",
            "cg.nrich.max-response-bytes|lots",
            "cg.nrich.max-transactions|-1"})
    void aBadValueOfAnyKeyIsRefusedNamingTheKey(String key, String value) {
        assertThatThrownBy(() -> NrichSettings.fromConfig(k -> k.equals(key) ? Optional.of(value) : Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(key);
    }

    @Test
    void aBlankValueTakesTheDefault() {
        assertThat(NrichSettings.fromConfig(key -> Optional.of("  "))).isEqualTo(NrichSettings.defaults());
    }

    @Test
    void theAdapterReadsItsOwnSettingsFromMicroProfileConfig() {
        Config config = config(Map.of("cg.nrich.base-url", "https://api.finx-s.qwist.cloud/", "cg.nrich.page-size", "250"));

        try (NrichConsentProvider nrich = new NrichConsentProvider(config)) {
            assertThat(nrich.baseUri()).isEqualTo(URI.create("https://api.finx-s.qwist.cloud"));
            assertThat(nrich.id()).isEqualTo(NrichConsentProvider.ID);
            assertThat(nrich.id().value()).isEqualTo("nrich");
        }
    }

    @Test
    void aBadSettingFailsTheAdaptersConstructionNamingTheKeyNotTheSecret() {
        Config config = config(Map.of("cg.nrich.client-secret", "the-very-secret", "cg.nrich.read-timeout", "forever"));

        assertThatThrownBy(() -> new NrichConsentProvider(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cg.nrich.read-timeout")
                .hasMessageNotContaining("the-very-secret");
    }

    @Test
    void aMissingCredentialIsRefusedNamingItsKey() {
        assertThatThrownBy(() -> NrichSettings.defaults().withClient(" ", "s")).hasMessageContaining("cg.nrich.client-id");
        assertThatThrownBy(() -> NrichSettings.defaults().withClient("id", "")).hasMessageContaining("cg.nrich.client-secret");
    }

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 500)).build();
    }

    @Test
    void aProductionDeploymentRefusesTheDemoClientAndTheSandboxNamingTheKey() {
        java.util.Map<String, String> own = new java.util.HashMap<>(java.util.Map.of("cg.deployment", "production",
                NrichSettings.BASE_URL, "https://api.nrich.example", NrichSettings.CLIENT_ID, "fintech-7",
                NrichSettings.CLIENT_SECRET, "a-real-secret"));
        NrichSettings.fromConfig(key -> Optional.ofNullable(own.get(key)));

        for (String key : java.util.List.of(NrichSettings.BASE_URL, NrichSettings.CLIENT_ID, NrichSettings.CLIENT_SECRET)) {
            java.util.Map<String, String> withDefault = new java.util.HashMap<>(own);
            withDefault.remove(key);
            assertThatThrownBy(() -> NrichSettings.fromConfig(k -> Optional.ofNullable(withDefault.get(k))))
                    .hasMessageContaining(key).hasMessageContaining("production");
        }
    }
}
