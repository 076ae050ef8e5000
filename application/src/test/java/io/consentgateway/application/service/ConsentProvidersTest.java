package io.consentgateway.application.service;

import io.consentgateway.application.port.in.InvalidInput;
import io.consentgateway.application.port.in.ListProviders;
import io.consentgateway.application.testing.FakeConsentProvider;
import io.consentgateway.application.testing.MutableClock;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.shared.ProviderId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsentProvidersTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));

    @Test
    void twoAdaptersClaimingOneIdAreRefusedNamingBoth() {
        FakeConsentProvider one = new FakeConsentProvider(new ProviderId("same"), clock);
        FakeConsentProvider two = new FakeConsentProvider(new ProviderId("same"), clock);

        assertThatThrownBy(() -> new ConsentProviders(List.of(one, two)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'same'").hasMessageContaining(FakeConsentProvider.class.getName());
    }

    @Test
    void aDefaultProviderThatIsNotInstalledIsRefusedNamingTheSettingAndWhatIsInstalled() {
        ConsentProviders providers = new ConsentProviders(List.of(new FakeConsentProvider(new ProviderId("alpha"), clock)));

        assertThatThrownBy(() -> providers.requireInstalled(new ProviderId("beta"), "cg.default-provider"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cg.default-provider=beta").hasMessageContaining("alpha");
    }

    @Test
    void aRequestForAProviderThatIsNotInstalledIsTheClientsErrorNamingTheField() {
        ConsentProviders providers = new ConsentProviders(List.of(new FakeConsentProvider(new ProviderId("alpha"), clock)));

        assertThatThrownBy(() -> providers.requested(new ProviderId("beta")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("provider"));
    }

    @Test
    void theListShowsEveryProviderWithItsKindsTheDefaultFirst() {
        GatewayHarness h = new GatewayHarness();
        ConsentProviders providers = new ConsentProviders(List.of(
                new FakeConsentProvider(new ProviderId("zbank"), clock, EnumSet.of(FlowKind.ONGOING_ACCESS)), h.provider));

        List<ListProviders.ProviderView> views = new ListProvidersService(providers, h.settings).list();

        assertThat(views).extracting(v -> v.id().value()).containsExactly("fake", "zbank");
        assertThat(views.get(0).isDefault()).isTrue();
        assertThat(views.get(1).kinds()).containsExactly(FlowKind.ONGOING_ACCESS);
    }
}
