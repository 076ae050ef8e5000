package io.consentgateway.sandbox.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoreTest {

    @Test
    void ibanCheckDigitsAreVerifiedWithMod97() {
        assertThat(Ibans.isValid("DE89370400440532013000")).isTrue();
        assertThat(Ibans.isValid("DE89 3704 0044 0532 0130 00")).isTrue();
        assertThat(Ibans.isValid("DE88370400440532013000")).isFalse();
        assertThat(Ibans.isValid("DE89")).isFalse();
        assertThat(Ibans.of("SK", "11000000002612345678")).isEqualTo("SK2411000000002612345678")
                .satisfies(i -> assertThat(Ibans.isValid(i)).isTrue());
    }

    @Test
    void theClockOnlyMovesForwardAndResetsToItsBase() {
        SandboxClock clock = SandboxClock.fixedAt(Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(clock.advance(Duration.ofDays(1))).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.advance(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        clock.reset();
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void basicCredentialsMatchOnlyTheExactIdAndSecret() {
        assertThat(BasicCredentials.matches(BasicCredentials.header("id", "s:ecret"), "id", "s:ecret")).isTrue();
        assertThat(BasicCredentials.matches(BasicCredentials.header("id", "other"), "id", "secret")).isFalse();
        assertThat(BasicCredentials.matches("Basic !!!", "id", "secret")).isFalse();
        assertThat(BasicCredentials.matches("Bearer abc", "id", "secret")).isFalse();
        assertThat(BasicCredentials.parse(BasicCredentials.header("id", "pw")).orElseThrow().toString()).doesNotContain("pw");
    }

    @Test
    void tokensAreRandomUrlSafeAndAtLeast32Bytes() {
        Secrets secrets = new Secrets();
        String a = secrets.newToken();

        assertThat(a).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(secrets.newToken());
        assertThat(Secrets.fingerprint(a)).isNotEqualTo(a).isEqualTo(Secrets.fingerprint(a));
    }

    @Test
    void callbackParametersAreAppendedToAnExistingQuery() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", "a+b");
        params.put("state", "x y");

        assertThat(Uris.withQuery("https://a.example/cb", params)).isEqualTo(URI.create("https://a.example/cb?code=a%2Bb&state=x%20y"));
        assertThat(Uris.withQuery("https://a.example/cb?t=1", params).toString()).startsWith("https://a.example/cb?t=1&code=");
        assertThat(Uris.isAbsoluteHttpUri("https://a.example/cb#frag")).isFalse();
        assertThat(Uris.isAbsoluteHttpUri("ftp://a.example/cb")).isFalse();
        assertThat(Uris.isAbsoluteHttpUri("http://localhost:3000/cb")).isTrue();
    }

    @Test
    void htmlEscapingCoversMarkupAndQuotes() {
        assertThat(Html.escape("<a href=\"x\">'&'</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }
}
