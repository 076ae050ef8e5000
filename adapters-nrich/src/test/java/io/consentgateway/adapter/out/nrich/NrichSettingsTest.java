package io.consentgateway.adapter.out.nrich;

import org.junit.jupiter.api.Test;

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
}
