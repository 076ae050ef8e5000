package io.consentgateway.adapter.out.bank;

import io.consentgateway.adapter.kit.ProviderConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@code cg.tatrabanka.*}: the binding to {@link BankConfig} (by SmallRye Config, MicroProfile Config's implementation
 * in Open Liberty, as the container does for {@code @ConfigProperties}), the defaults, and a message naming the key for
 * every bad value.
 */
class BankSettingsTest {
    private static final String BASE_URL = BankSettings.PREFIX + ProviderConfig.BASE_URL;
    private static final String CLIENT_ID = BankSettings.PREFIX + ProviderConfig.CLIENT_ID;
    private static final String CLIENT_SECRET = BankSettings.PREFIX + ProviderConfig.CLIENT_SECRET;

    @TempDir
    Path dir;

    private static BankSettings read(Map<String, String> values) {
        return bind(values).settings(false);
    }

    /** As MicroProfile Config in the server binds {@code @ConfigProperties(prefix = "cg.tatrabanka")}. */
    static Bound bind(Map<String, String> values) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .withMapping(BankConfig.class, "cg.tatrabanka")
                .withMapping(ProviderConfig.class, "cg.tatrabanka")
                .build();
        return new Bound(config.getConfigMapping(BankConfig.class, "cg.tatrabanka"),
                config.getConfigMapping(ProviderConfig.class, "cg.tatrabanka"));
    }

    /** The two classes {@code cg.tatrabanka.*} is bound to: the provider's own keys and the keys every provider has. */
    record Bound(BankConfig own, ProviderConfig common) {
        BankSettings settings(boolean production) {
            return own.settings(common, production);
        }

        /** As the adapter's settings producer makes them. */
        BankSettings produced(Optional<String> deployment) {
            return BankCalls.settings(own, common, deployment);
        }
    }

    @Test
    void withNothingConfiguredTheDefaultsPointAtTheSandboxBank() {
        BankSettings settings = read(Map.of());

        assertThat(settings).isEqualTo(BankSettings.builder().build());
        assertThat(settings.common().baseUri()).isEqualTo(URI.create("http://localhost:9080/sandbox/bank"));
        assertThat(settings.common().clientId()).isEqualTo("demo-bank-client");
        assertThat(settings.common().clientSecret()).isEqualTo("demo-bank-secret");
        assertThat(settings.scope()).isEqualTo("AISP");
        assertThat(settings.common().connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.common().readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.pageSize()).isEqualTo(100);
        assertThat(settings.common().maxPages()).isEqualTo(1000);
        assertThat(settings.common().maxTransactions()).isEqualTo(100_000);
        assertThat(settings.common().maxResponseBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(settings.common().readDeadline()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.transactionStatus()).isEqualTo(BankSettings.TransactionStatus.BOOK);
        assertThat(settings.keyStore()).isEmpty();
        assertThat(settings.trustStore()).isEmpty();
    }

    @Test
    void everyKeyIsRead() {
        Map<String, String> values = new HashMap<>();
        values.put("cg.tatrabanka.base-url", " https://api.tatrabanka.sk/premium/ ");
        values.put("cg.tatrabanka.client-id", "my-client");
        values.put("cg.tatrabanka.client-secret", "my-secret");
        values.put("cg.tatrabanka.scope", "AISP");
        values.put("cg.tatrabanka.connect-timeout", "PT2S");
        values.put("cg.tatrabanka.read-timeout", "15000");
        values.put("cg.tatrabanka.page-size", "50");
        values.put("cg.tatrabanka.max-pages", "20");
        values.put("cg.tatrabanka.max-transactions", "5000");
        values.put("cg.tatrabanka.max-response-bytes", "65536");
        values.put("cg.tatrabanka.transaction-status", "all");
        values.put("cg.tatrabanka.read-deadline", "pt1m");
        values.put("cg.tatrabanka.key-store", "");
        values.put("cg.tatrabanka.trust-store", "  ");

        BankSettings settings = read(values);

        assertThat(settings.common().normalisedBaseUri()).isEqualTo(URI.create("https://api.tatrabanka.sk/premium"));
        assertThat(settings.common().clientId()).isEqualTo("my-client");
        assertThat(settings.common().clientSecret()).isEqualTo("my-secret");
        assertThat(settings.common().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.common().readTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.pageSize()).isEqualTo(50);
        assertThat(settings.common().maxPages()).isEqualTo(20);
        assertThat(settings.common().maxTransactions()).isEqualTo(5000);
        assertThat(settings.common().maxResponseBytes()).isEqualTo(65536);
        assertThat(settings.transactionStatus()).isEqualTo(BankSettings.TransactionStatus.ALL);
        assertThat(settings.common().readDeadline()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.keyStore()).as("an empty value is not set").isEmpty();
        assertThat(settings.trustStore()).as("a blank value is not set").isEmpty();
    }

    @Test
    void anEmptyOrBlankValueTakesTheDefault() {
        assertThat(read(Map.of("cg.tatrabanka.page-size", "", "cg.tatrabanka.read-timeout", " ",
                "cg.tatrabanka.client-secret", "", "cg.tatrabanka.max-response-bytes", "  ")))
                .isEqualTo(BankSettings.builder().build());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "cg.tatrabanka.page-size|5",
            "cg.tatrabanka.page-size|25",
            "cg.tatrabanka.page-size|110",
            "cg.tatrabanka.page-size|ten",
            "cg.tatrabanka.max-pages|0",
            "cg.tatrabanka.max-pages|many",
            "cg.tatrabanka.max-transactions|lots",
            "cg.tatrabanka.max-response-bytes|big",
            "cg.tatrabanka.read-deadline|forever",
            "cg.tatrabanka.client-id|has space",
            "cg.tatrabanka.max-transactions|-1",
            "cg.tatrabanka.max-response-bytes|100",
            "cg.tatrabanka.connect-timeout|soon",
            "cg.tatrabanka.read-timeout|PT0S",
            "cg.tatrabanka.transaction-status|PENDING",
            "cg.tatrabanka.base-url|ftp://bank.example",
            "cg.tatrabanka.base-url|/relative",
            "cg.tatrabanka.base-url|https://bank.example/?q=1",
            "cg.tatrabanka.base-url|https://bank.example/ spaces",
            "cg.tatrabanka.client-id|a:b",
            "cg.tatrabanka.scope|AISP \"x\"",
            "cg.tatrabanka.key-store|/no/such/file.p12",
    })
    void aBadValueFailsNamingItsKey(String key, String value) {
        Map<String, String> values = new HashMap<>(Map.of(key, value));
        values.putIfAbsent("cg.tatrabanka.key-store-password", "pw");
        values.putIfAbsent("cg.tatrabanka.client-secret", "the-very-secret");

        // a whole number that is none is MicroProfile Config's own message (naming the key); the rest are ours
        assertThatThrownBy(() -> read(values)).hasMessageContaining(key).hasMessageNotContaining("the-very-secret");
    }

    @Test
    void toStringNeverPrintsTheSecrets() {
        Bound config = bind(Map.of("cg.tatrabanka.client-secret", "very-secret-value",
                "cg.tatrabanka.key-store-password", "store-secret"));
        BankSettings settings = BankSettings.builder().client("id", "very-secret-value").build();

        assertThat(config.toString()).doesNotContain("very-secret-value").doesNotContain("store-secret");
        assertThat(settings.toString()).doesNotContain("very-secret-value").contains("clientSecret=***");
    }

    @Test
    void theBuilderChecksAsTheRecordDoesAndCopies() {
        assertThatThrownBy(() -> BankSettings.builder().pageSize(25).build())
                .hasMessageContaining("configuration key cg.tatrabanka.page-size");
        assertThatThrownBy(() -> BankSettings.builder().client("id", " ").build())
                .hasMessageContaining("cg.tatrabanka.client-secret");
        BankSettings some = BankSettings.builder().pageSize(50).transactionStatus(BankSettings.TransactionStatus.INFO).build();
        assertThat(some.toBuilder().build()).isEqualTo(some);
    }

    @Test
    void thePageSizeMessageSaysWhatIsAllowed() {
        assertThatThrownBy(() -> read(Map.of("cg.tatrabanka.page-size", "25")))
                .hasMessageContaining("configuration key cg.tatrabanka.page-size must be 10..100 in steps of 10");
    }

    @Test
    void aKeyStoreAndATrustStoreAreLoaded() throws Exception {
        Path keyStore = emptyPkcs12("client.p12", "changeit");
        Path trustStore = emptyPkcs12("trust.p12", "trustme");

        BankSettings settings = read(Map.of("cg.tatrabanka.key-store", keyStore.toString(),
                "cg.tatrabanka.key-store-password", "changeit",
                "cg.tatrabanka.trust-store", trustStore.toString(),
                "cg.tatrabanka.trust-store-password", "trustme"));

        assertThat(settings.keyStore()).hasValueSatisfying(store -> {
            assertThat(store.path()).isEqualTo(keyStore);
            assertThat(store.type()).isEqualTo("PKCS12");
            assertThat(store.store().getType()).isEqualToIgnoringCase("PKCS12");
        });
        assertThat(settings.trustStore()).isPresent();
        assertThat(settings.toString()).doesNotContain("changeit").doesNotContain("trustme").contains("client.p12");
        // the stores reach the client builder: an adapter builds with them
        try (BankConsentProvider adapter = new BankConsentProvider(settings, BankStage.CLOCK)) {
            assertThat(adapter.id().value()).isEqualTo("tatrabanka");
        }
    }

    @Test
    void aWrongKeyStorePasswordFailsNamingTheKeyAndNotThePassword() throws Exception {
        Path keyStore = emptyPkcs12("client.p12", "changeit");

        Throwable failure = catchThrowable(() -> read(Map.of("cg.tatrabanka.key-store", keyStore.toString(),
                "cg.tatrabanka.key-store-password", "wrong-password-123")));

        assertThat(failure).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("configuration key cg.tatrabanka.key-store")
                .hasMessageNotContaining("wrong-password-123");
    }

    @Test
    void aKeyStoreWithoutPasswordFailsNamingThePasswordKey() throws Exception {
        Path keyStore = emptyPkcs12("client.p12", "changeit");

        assertThatThrownBy(() -> read(Map.of("cg.tatrabanka.key-store", keyStore.toString())))
                .hasMessageContaining("configuration key cg.tatrabanka.key-store-password is required");
    }

    @Test
    void anUnknownStoreTypeFailsNamingTheKey() throws Exception {
        Path keyStore = emptyPkcs12("client.p12", "changeit");

        assertThatThrownBy(() -> read(Map.of("cg.tatrabanka.key-store", keyStore.toString(),
                "cg.tatrabanka.key-store-password", "changeit", "cg.tatrabanka.key-store-type", "NOPE")))
                .hasMessageContaining("configuration key cg.tatrabanka.key-store");
    }

    @Test
    void theAdapterTakesItsBoundConfigurationAndTellsItsBaseUrlToTheReadinessCheck() {
        Bound config = bind(Map.of("cg.tatrabanka.base-url", "https://bank.example:8443/x/"));

        try (BankConsentProvider bank = new BankConsentProvider(config.produced(Optional.empty()), BankStage.CLOCK)) {
            assertThat(bank.baseUri()).isEqualTo(URI.create("https://bank.example:8443/x"));
        }
    }

    private Path emptyPkcs12(String name, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }

    @Test
    void aProductionDeploymentRefusesTheDemoClientAndTheSandboxNamingTheKey() {
        Map<String, String> own = Map.of(BASE_URL, "https://api.tatrabanka.sk/premium/production",
                CLIENT_ID, "fintech-7", CLIENT_SECRET, "a-real-secret");
        assertThat(bind(own).settings(true).common().clientId()).isEqualTo("fintech-7");

        for (String key : List.of(BASE_URL, CLIENT_ID, CLIENT_SECRET)) {
            Map<String, String> withDefault = new HashMap<>(own);
            withDefault.remove(key);
            Bound config = bind(withDefault);
            assertThatThrownBy(() -> config.settings(true)).hasMessageContaining(key).hasMessageContaining("production");
            assertThat(config.settings(false)).isNotNull();
        }
        assertThatThrownBy(() -> bind(Map.of()).produced(Optional.of("production")))
                .hasMessageContaining(BASE_URL);
    }
}
