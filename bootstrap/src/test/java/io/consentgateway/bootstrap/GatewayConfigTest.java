package io.consentgateway.bootstrap;

import io.consentgateway.application.service.DataSettings;
import io.consentgateway.application.service.GatewaySettings;
import io.consentgateway.domain.shared.ProviderId;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped defaults make a valid configuration; lifetimes can differ per provider; a bad value names its key. */
class GatewayConfigTest {

    @Test
    void theShippedDefaultsGiveTheDemoSettings() throws IOException {
        GatewaySettings settings = new GatewayConfig(config(Map.of())).settings();

        assertThat(settings.callbackBase().toString()).isEqualTo("http://localhost:9080/callback");
        assertThat(settings.callbackUriFor(new ProviderId("nrich")).toString()).isEqualTo("http://localhost:9080/callback");
        assertThat(settings.callbackUriFor(new ProviderId("tatrabanka")).toString())
                .isEqualTo("http://localhost:9080/callback/tatrabanka");
        assertThat(settings.defaultProvider()).isEqualTo(new ProviderId("nrich"));
        assertThat(settings.defaultPolicy().refreshTokenLifetime()).isEqualTo(Duration.ofDays(90));
        assertThat(settings.policies()).isEmpty();
    }

    @Test
    void aProviderCanHaveItsOwnLifetimesFallingBackToTheCommonOnes() throws IOException {
        GatewaySettings settings = new GatewayConfig(config(Map.of(
                "cg.policy.tatrabanka.refresh-token-lifetime", "P180D",
                "cg.policy.tatrabanka.refresh-renewal-age", "P60D"))).settings();

        var bank = settings.policyFor(new ProviderId("tatrabanka"));
        assertThat(bank.refreshTokenLifetime()).isEqualTo(Duration.ofDays(180));
        assertThat(bank.refreshRenewalAge()).isEqualTo(Duration.ofDays(60));
        assertThat(bank.inactivityLimit()).as("not overridden: the common value").isEqualTo(Duration.ofDays(90));
        assertThat(settings.policyFor(new ProviderId("nrich")).refreshTokenLifetime()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void aMalformedDurationFailsAtStartUpNamingItsKey() throws IOException {
        GatewayConfig config = new GatewayConfig(config(Map.of("cg.policy.flow-lifetime", "an hour")));

        assertThatThrownBy(config::settings).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cg.policy.flow-lifetime");
    }

    @Test
    void theShippedDataSettingsAreTheDocumentedDefaults() throws IOException {
        assertThat(new GatewayConfig(config(Map.of())).dataSettings()).isEqualTo(DataSettings.defaults());
    }

    @ParameterizedTest
    @CsvSource({"cg.sync.max-age, -PT1M", "cg.sync.overlap, PT12H", "cg.sync.overlap, soon", "cg.sync.background-budget, -1",
            "cg.sync.background-budget, four", "cg.retention.one-time, -P1D", "cg.retention.ended, forever",
            "cg.sync.background-interval, -PT1H"})
    void aBadDataSettingFailsAtStartUpNamingItsKey(String key, String value) throws IOException {
        GatewayConfig config = new GatewayConfig(config(Map.of(key, value)));

        assertThatThrownBy(config::dataSettings).isInstanceOf(IllegalStateException.class).hasMessageContaining(key);
    }

    /** The shipped microprofile-config.properties with the given overrides on top. */
    private static Config config(Map<String, String> overrides) throws IOException {
        Properties shipped = new Properties();
        try (InputStream in = GatewayConfigTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            shipped.load(in);
        }
        Map<String, String> values = new HashMap<>();
        shipped.stringPropertyNames().forEach(name -> values.put(name, shipped.getProperty(name)));
        values.putAll(overrides);
        return new MapConfig(values);
    }

    private record MapConfig(Map<String, String> values) implements Config {
        @Override
        public <T> T getValue(String name, Class<T> type) {
            return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
        }

        @Override
        public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
            return Optional.ofNullable(values.get(name)).map(type::cast);
        }

        @Override
        public Iterable<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public ConfigValue getConfigValue(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterable<ConfigSource> getConfigSources() {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> Optional<Converter<T>> getConverter(Class<T> type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void aProductionDeploymentRefusesTheDemoKeyAndTheSandboxsIdentityProviderNamingTheKey() throws IOException {
        Map<String, String> own = Map.of("cg.deployment", "production", "cg.crypto.current-key-id", "k1",
                "cg.crypto.keys", "k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                "mp.jwt.verify.issuer", "https://login.fintech.example", "mp.jwt.verify.publickey.location",
                "https://login.fintech.example/jwks");

        new GatewayConfig(config(own)).refuseDemoSettingsInProduction();
        assertThatThrownBy(() -> new GatewayConfig(config(Map.of("cg.deployment", "production")))
                .refuseDemoSettingsInProduction()).hasMessageContaining("cg.crypto.current-key-id");
        java.util.Map<String, String> demoIssuer = new java.util.HashMap<>(own);
        demoIssuer.put("mp.jwt.verify.issuer", "http://localhost:9080/sandbox/idp");
        assertThatThrownBy(() -> new GatewayConfig(config(demoIssuer)).refuseDemoSettingsInProduction())
                .hasMessageContaining("mp.jwt.verify.issuer");
        java.util.Map<String, String> demoKeyListed = new java.util.HashMap<>(own);
        demoKeyListed.put("cg.crypto.keys", "k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=,demo:ZGVtbw==");
        assertThatThrownBy(() -> new GatewayConfig(config(demoKeyListed)).refuseDemoSettingsInProduction())
                .hasMessageContaining("cg.crypto.keys");
    }

    @Test
    void aFlagIsTrueOrFalseAndAnythingElseStopsTheStartWithItsKey() throws IOException {
        assertThat(new GatewayConfig(config(Map.of("cg.scheduler.enabled", "TRUE"))).bool("cg.scheduler.enabled")).isTrue();
        assertThat(new GatewayConfig(config(Map.of("cg.scheduler.enabled", " false "))).bool("cg.scheduler.enabled")).isFalse();
        for (String malformed : new String[] {"yes", "no", "1", "off", "tru"}) {
            assertThatThrownBy(() -> new GatewayConfig(config(Map.of("cg.scheduler.enabled", malformed)))
                    .bool("cg.scheduler.enabled"))
                    .hasMessage("configuration key cg.scheduler.enabled must be true or false");
        }
    }

    @Test
    void theWaitingFlowsCapIsReadAndABrokenOneNamesItsKey() throws IOException {
        assertThat(new GatewayConfig(config(Map.of())).settings().maxWaitingFlows()).isEqualTo(20);
        assertThat(new GatewayConfig(config(Map.of("cg.flows.max-waiting-per-user", "3"))).settings().maxWaitingFlows())
                .isEqualTo(3);
        for (String broken : new String[] {"0", "-1", "many", "2.5"}) {
            assertThatThrownBy(() -> new GatewayConfig(config(Map.of("cg.flows.max-waiting-per-user", broken))).settings())
                    .as(broken).hasMessageContaining("cg.flows.max-waiting-per-user");
        }
    }

    @Test
    void theWebhookSettingsAreReadAndABrokenOneNamesItsKey() throws IOException {
        assertThat(new GatewayConfig(config(Map.of())).webhookSettings(java.util.List.of("sandbox")).retrySchedule())
                .hasSize(7);
        assertThatThrownBy(() -> new GatewayConfig(config(Map.of("cg.webhooks.retry-schedule", "PT5S,soon")))
                .webhookSettings(java.util.List.of())).hasMessageContaining("cg.webhooks.retry-schedule");
        assertThatThrownBy(() -> new GatewayConfig(config(Map.of("cg.webhooks.retry-jitter", "1.5")))
                .webhookSettings(java.util.List.of())).hasMessageContaining("cg.webhooks.retry-jitter");
        assertThatThrownBy(() -> new GatewayConfig(config(Map.of("cg.webhooks.in-flight", "0")))
                .webhookSettings(java.util.List.of())).hasMessageContaining("cg.webhooks.in-flight");
        assertThatThrownBy(() -> new GatewayConfig(config(Map.of("cg.webhooks.retry-schedule", "PT5S,PT0S")))
                .webhookSettings(java.util.List.of())).hasMessageContaining("cg.webhooks.retry-schedule");
        assertThatThrownBy(() -> new GatewayConfig(config(Map.of("cg.webhooks.lease", "PT0.5S")))
                .webhookSettings(java.util.List.of())).hasMessageContaining("cg.webhooks.lease");
    }

    @Test
    void theDemoDeploymentKeepsItsDemoSettings() throws IOException {
        new GatewayConfig(config(Map.of())).refuseDemoSettingsInProduction();
        new GatewayConfig(config(Map.of("cg.deployment", "demo"))).refuseDemoSettingsInProduction();
    }
}
