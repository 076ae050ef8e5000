package io.consentgateway.bootstrap.metrics;

import io.consentgateway.application.port.in.DataMaintenanceReport;
import io.consentgateway.application.port.out.ProviderMisconfigured;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import io.consentgateway.application.testing.FakeConsentProvider;
import io.consentgateway.application.testing.MutableClock;
import io.consentgateway.domain.token.RefreshToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
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

        @Override
        public void backgroundSyncs(String result, int count) {
            recorded.add("background syncs " + result + " " + count);
        }

        @Override
        public void dataDeleted(int count) {
            recorded.add("data deleted " + count);
        }

        @Override
        public void webhookAttempt(String endpoint, String outcome) {
            recorded.add("webhook " + endpoint + " " + outcome);
        }
    };
    private final FakeConsentProvider fake = new FakeConsentProvider(MutableClock.at("2026-11-22T10:00:00Z"));
    private final ConfigurationFaults faults = new ConfigurationFaults(Duration.ofMinutes(5),
            MutableClock.at("2026-11-22T10:00:00Z"));
    private final MeteredConsentProvider provider = new MeteredConsentProvider(fake, metrics, faults);

    @Test
    void aRejectedRefreshIsCountedAsReauthorizationRequiredAndStillThrown() {
        assertThatThrownBy(() -> provider.refresh(new RefreshToken("unknown")))
                .isInstanceOf(ReauthorizationRequired.class);

        assertThat(recorded).containsExactly("call fake refresh reauthorization_required");
    }

    @Test
    void aProviderThatDidNotTakeTheRequestIsCountedAsUnavailableAndStillThrown() {
        fake.failNextRefresh(new ProviderUnavailable("503", java.util.Optional.empty(), false, null));

        assertThatThrownBy(() -> provider.refresh(new RefreshToken("any"))).isInstanceOf(ProviderUnavailable.class);

        assertThat(recorded).containsExactly("call fake refresh unavailable");
    }

    @Test
    void aRefreshSentWithoutAnAnswerIsCountedAsInDoubt() {
        fake.failNextRefresh(new ProviderUnavailable("read timed out", java.util.Optional.empty(), true, null));

        assertThatThrownBy(() -> provider.refresh(new RefreshToken("any"))).isInstanceOf(ProviderUnavailable.class);

        assertThat(recorded).containsExactly("call fake refresh in_doubt");
    }

    @Test
    void theWrappedProviderKeepsItsIdentity() {
        assertThat(provider.id()).isEqualTo(fake.id());
        assertThat(recorded).isEmpty();
    }

    @Test
    void aProviderRefusingThisGatewayIsRecordedOnceAndForgottenAtItsNextSuccess() {
        fake.failNextRefresh(new ProviderMisconfigured("the provider refuses this gateway's client credentials"));

        assertThatThrownBy(() -> provider.refresh(new RefreshToken("any"))).isInstanceOf(ProviderMisconfigured.class);

        assertThat(recorded).containsExactly("call fake refresh misconfigured");
        assertThat(faults.current()).containsOnlyKeys("fake");
        assertThat(faults.current().get("fake").message()).contains("client credentials");

        fake.stageAccount("a-working-token", 1);
        provider.accounts(new io.consentgateway.domain.token.AccessToken("a-working-token"));

        assertThat(faults.current()).isEmpty();
    }

    @Test
    void theDataMaintenanceIsCountedByResultAndItsReportPassedOn() {
        DataMaintenanceReport report = new DataMaintenanceReport(9, 4, 2, 1, 1, 3);
        MeteredMaintainAccountData maintenance = new MeteredMaintainAccountData(batch -> report, metrics);

        assertThat(maintenance.run(100)).isSameAs(report);
        assertThat(recorded).containsExactly("background syncs synced 4", "background syncs budget_spent 2",
                "background syncs failed 1", "data deleted 3");
    }
}
