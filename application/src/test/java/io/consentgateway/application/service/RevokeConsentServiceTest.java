package io.consentgateway.application.service;

import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.consent.ConsentNotUsable;
import io.consentgateway.domain.consent.ConsentStatus;
import io.consentgateway.domain.consent.NextAction;
import io.consentgateway.domain.shared.ConsentId;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.consentgateway.application.service.GatewayHarness.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RevokeConsentServiceTest {
    final GatewayHarness h = new GatewayHarness();
    final ConsentId id = h.connectOngoing(ALICE);

    @Test
    void revokingDestroysTheTokensAndSetsRevoked() {
        h.revokeConsent.revoke(ALICE, id);

        Consent consent = h.consent(id);
        assertThat(consent.status()).isEqualTo(ConsentStatus.REVOKED);
        assertThat(consent.tokensIfAny()).isEmpty();
        assertThat(consent.snapshot().toString()).doesNotContain("at-").doesNotContain("rt-");
    }

    @Test
    void revokingTwiceIsHarmless() {
        h.revokeConsent.revoke(ALICE, id);
        long version = h.consent(id).version();

        h.revokeConsent.revoke(ALICE, id);

        assertThat(h.consent(id).status()).isEqualTo(ConsentStatus.REVOKED);
        assertThat(h.consent(id).version()).isEqualTo(version);
    }

    @Test
    void aRevokedConsentCannotBeReadAndMustBeConnectedAgain() {
        h.revokeConsent.revoke(ALICE, id);

        assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, id).data())
                .isInstanceOfSatisfying(ConsentNotUsable.class, e -> {
                    assertThat(e.status()).isEqualTo(ConsentStatus.REVOKED);
                    assertThat(e.nextAction()).isEqualTo(NextAction.CONNECT_AGAIN);
                });
        assertThat(h.fake.dataCalls).hasValue(0);
    }

    @Test
    void aConsentRequiringReauthorizationCanBeRevoked() {
        h.advance(Duration.ofHours(2));
        h.fake.revokeAll();
        assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, id).data()).isInstanceOf(ConsentNotUsable.class);

        h.revokeConsent.revoke(ALICE, id);

        assertThat(h.consent(id).status()).isEqualTo(ConsentStatus.REVOKED);
        assertThat(h.consent(id).tokensIfAny()).isEmpty();
    }

    @Test
    void theRevokedConsentIsListedAsRevokedWithConnectAgain() {
        h.revokeConsent.revoke(ALICE, id);

        assertThat(h.listConsents.get(ALICE, id).status()).isEqualTo(ConsentStatus.REVOKED);
        assertThat(h.listConsents.get(ALICE, id).nextAction()).isEqualTo(NextAction.CONNECT_AGAIN);
    }
}
