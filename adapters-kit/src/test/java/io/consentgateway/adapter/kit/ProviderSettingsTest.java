package io.consentgateway.adapter.kit;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every provider adapter's settings hold, through a builder as an adapter writes one: the defaults, the checks
 * (each naming its key under the adapter's prefix, never a secret) and the copy.
 */
class ProviderSettingsTest {

    private static final ProviderConfig.Sandbox SANDBOX =
            new ProviderConfig.Sandbox(URI.create("http://localhost:9080/sandbox/example"), "demo-id", "demo-secret");

    /** An adapter's builder: what every provider has comes from the kit, nothing of its own. */
    static final class ExampleBuilder extends ProviderSettingsBuilder<ExampleBuilder> {
        ExampleBuilder() {
            super("cg.example.", SANDBOX, 50, 7);
        }

        ProviderSettings build() {
            return common();
        }
    }

    @Test
    void aBuilderStartsFromTheSandboxTheAdaptersPagingAndTheKitsLimits() {
        ExampleBuilder builder = new ExampleBuilder();
        ProviderSettings settings = builder.build();

        assertThat(settings.baseUri()).isEqualTo(SANDBOX.baseUri());
        assertThat(settings.clientId()).isEqualTo("demo-id");
        assertThat(settings.clientSecret()).isEqualTo("demo-secret");
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.maxResponseBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(settings.maxPages()).isEqualTo(7);
        assertThat(settings.maxTransactions()).isEqualTo(100_000);
        assertThat(settings.readDeadline()).isEqualTo(Duration.ofSeconds(20));
        assertThat(builder.pageSize()).isEqualTo(50);
        assertThat(settings.key(ProviderConfig.PAGE_SIZE)).isEqualTo("cg.example.page-size");
    }

    @Test
    void everyBadValueIsNamedByItsKeyUnderTheAdaptersPrefix() {
        List<Case> cases = List.of(
                new Case(b -> b.baseUri(null), "cg.example.base-url"),
                new Case(b -> b.baseUri(URI.create("/relative")), "cg.example.base-url"),
                new Case(b -> b.baseUri(URI.create("ftp://host/x")), "cg.example.base-url"),
                new Case(b -> b.baseUri(URI.create("https://user:pw@host/x")), "cg.example.base-url"),
                new Case(b -> b.baseUri(URI.create("https://host/x?debug=1")), "cg.example.base-url"),
                new Case(b -> b.client(" ", "secret"), "cg.example.client-id"),
                new Case(b -> b.client("a:b", "secret"), "cg.example.client-id"),
                new Case(b -> b.client("a b", "secret"), "cg.example.client-id"),
                new Case(b -> b.client("id", ""), "cg.example.client-secret"),
                new Case(b -> b.connectTimeout(Duration.ZERO), "cg.example.connect-timeout"),
                new Case(b -> b.readTimeout(Duration.ofSeconds(-1)), "cg.example.read-timeout"),
                new Case(b -> b.maxResponseBytes(1023), "cg.example.max-response-bytes"),
                new Case(b -> b.maxPages(0), "cg.example.max-pages"),
                new Case(b -> b.maxTransactions(0), "cg.example.max-transactions"),
                new Case(b -> b.readDeadline(null), "cg.example.read-deadline"));

        for (Case c : cases) {
            assertThatThrownBy(() -> c.change().apply(new ExampleBuilder()).build())
                    .as(c.key())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("configuration key " + c.key())
                    .hasMessageNotContaining("user:pw");
        }
    }

    @Test
    void theSecretIsNeverPrintedAndTheBaseUriLosesItsTrailingSlashes() {
        ProviderSettings settings = new ExampleBuilder().baseUri(URI.create("https://api.example/root//"))
                .client("fintech-7", "the-very-secret").build();

        assertThat(settings.toString()).doesNotContain("the-very-secret").contains("clientSecret=***");
        assertThat(settings.normalisedBaseUri()).isEqualTo(URI.create("https://api.example/root"));
        assertThat(SANDBOX.toString()).doesNotContain("demo-secret");
    }

    @Test
    void fromCopiesEveryValue() {
        ProviderSettings changed = new ExampleBuilder().baseUri(URI.create("https://api.example")).client("id", "secret")
                .connectTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofSeconds(2)).maxResponseBytes(4096)
                .maxPages(3).maxTransactions(40).readDeadline(Duration.ofSeconds(9)).build();

        assertThat(new ExampleBuilder().from(changed).build()).isEqualTo(changed);
    }

    @Test
    void aListingStopsAtItsPageLimitAndAReadAtItsItemLimitNamingTheKey() {
        ProviderSettings settings = new ExampleBuilder().maxPages(3).maxTransactions(40).build();

        settings.requireAnotherPage("example transactions", 2, 50);
        assertThatThrownBy(() -> settings.requireAnotherPage("example transactions", 3, 50))
                .isInstanceOf(PagingLimitExceeded.class)
                .hasMessage("example transactions did not end within 3 pages of 50 (cg.example.max-pages)");
        settings.requireTransactionsWithinLimit("example transactions", 40);
        assertThatThrownBy(() -> settings.requireTransactionsWithinLimit("example transactions", 41))
                .isInstanceOf(PagingLimitExceeded.class)
                .hasMessage("example transactions exceeded 40 items (cg.example.max-transactions)");
    }

    private record Case(UnaryOperator<ExampleBuilder> change, String key) {
    }
}
