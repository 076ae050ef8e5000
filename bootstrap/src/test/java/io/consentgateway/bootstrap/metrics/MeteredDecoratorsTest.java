package io.consentgateway.bootstrap.metrics;

import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import io.consentgateway.application.testing.FakeConsentProvider;
import io.consentgateway.application.testing.MutableClock;
import io.consentgateway.domain.token.RefreshToken;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The metrics decorators count by result and otherwise behave exactly like what they wrap. */
class MeteredDecoratorsTest {
    private final List<String> recorded = new ArrayList<>();
    private final GatewayMetrics metrics = new GatewayMetrics() {
        @Override
        public void flowStarted(String provider, String kind) {
            recorded.add("flow " + provider + " " + kind);
        }

        @Override
        public void callbackHandled(String outcome) {
            recorded.add("callback " + outcome);
        }

        @Override
        public void providerCall(String provider, String operation, String result) {
            recorded.add("call " + provider + " " + operation + " " + result);
        }
    };
    private final FakeConsentProvider fake = new FakeConsentProvider(MutableClock.at("2026-11-22T10:00:00Z"));
    private final MeteredConsentProvider provider = new MeteredConsentProvider(fake, metrics);

    @Test
    void aRejectedRefreshIsCountedAsReauthorizationRequiredAndStillThrown() {
        assertThatThrownBy(() -> provider.refresh(new RefreshToken("unknown")))
                .isInstanceOf(ReauthorizationRequired.class);

        assertThat(recorded).containsExactly("call fake refresh reauthorization_required");
    }

    @Test
    void anUnavailableProviderIsCountedAsUnavailableAndStillThrown() {
        fake.failNextRefresh(new ProviderUnavailable("down"));

        assertThatThrownBy(() -> provider.refresh(new RefreshToken("any"))).isInstanceOf(ProviderUnavailable.class);

        assertThat(recorded).containsExactly("call fake refresh unavailable");
    }

    @Test
    void theWrappedProviderKeepsItsIdentity() {
        assertThat(provider.id()).isEqualTo(fake.id());
        assertThat(recorded).isEmpty();
    }
}
