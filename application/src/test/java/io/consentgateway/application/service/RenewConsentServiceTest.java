package io.consentgateway.application.service;

import io.consentgateway.application.port.in.CallbackOutcome;
import io.consentgateway.application.port.in.FlowStarted;
import io.consentgateway.application.port.in.InvalidInput;
import io.consentgateway.application.port.in.RenewConsentCommand;
import io.consentgateway.application.port.in.WrongConsentKind;
import io.consentgateway.application.port.out.ProviderFlowRequest;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.consent.ConsentNotUsable;
import io.consentgateway.domain.consent.ConsentStatus;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.Language;
import io.consentgateway.domain.token.TokenPair;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static io.consentgateway.application.service.GatewayHarness.ALICE;
import static io.consentgateway.application.service.GatewayHarness.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RenewConsentServiceTest {
    final GatewayHarness h = new GatewayHarness();
    final ConsentId id = h.connectOngoing(ALICE);
    final TokenPair granted = h.consent(id).tokens();

    FlowStarted renew(ConsentId consent) {
        return h.renewConsent.renew(new RenewConsentCommand(ALICE, consent, Language.EN, Optional.empty()));
    }

    @Test
    void renewingAnOngoingConsentStartsASyncStyleFlowForTheSameUser() {
        renew(id);

        ProviderFlowRequest request = h.fake.lastStartRequest();
        assertThat(request.renewal()).isTrue();
        assertThat(request.kind()).isEqualTo(FlowKind.ONGOING_ACCESS);
        assertThat(request.userId()).isEqualTo(ALICE);
        assertThat(request.options().language()).isEqualTo(Language.EN);
    }

    @Test
    void theRenewalFlowRemembersWhichConsentItRenews() {
        FlowStarted started = renew(id);

        assertThat(h.flow(started.flowId()).renewalOf()).contains(id);
    }

    @Test
    void completingTheRenewalReactivatesTheSameConsentWithNewTokens() {
        h.atDay(40);
        FlowStarted started = renew(id);

        CallbackOutcome outcome = h.completeFlow(started.flowId());

        assertThat(outcome.consentId()).contains(id);
        assertThat(h.consents.size()).isEqualTo(1);
        Consent consent = h.consent(id);
        assertThat(consent.status()).isEqualTo(ConsentStatus.ACTIVE);
        assertThat(consent.tokens().accessToken()).isNotEqualTo(granted.accessToken());
        assertThat(consent.refreshToken()).isPresent().isNotEqualTo(granted.refreshToken());
        assertThat(consent.lastUserActivityAt()).isEqualTo(h.now());
        assertThat(consent.grantedAt()).isEqualTo(T0);
    }

    @Test
    void completingTheRenewalOfAConsentRequiringReauthorizationMakesItReadableAgain() {
        h.advance(Duration.ofHours(2));
        h.fake.failNextRefresh(new ReauthorizationRequired("invalid_grant"));
        assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, id).data()).isInstanceOf(ConsentNotUsable.class);

        h.completeFlow(renew(id).flowId());

        assertThat(h.consent(id).status()).isEqualTo(ConsentStatus.ACTIVE);
        assertThat(h.readAccounts.accounts(ALICE, id).data()).isNotEmpty();
    }

    @Test
    void anExpiredConsentCanBeRenewedAndLivesAnother90Days() {
        h.atDay(95);
        Instant renewedAt = h.now();

        h.completeFlow(renew(id).flowId());

        assertThat(h.listConsents.get(ALICE, id).status()).isEqualTo(ConsentStatus.ACTIVE);
        assertThat(h.consent(id).expiresAt()).isEqualTo(renewedAt.plus(Duration.ofDays(90)));
    }

    @Test
    void renewingAOneTimeConsentIsTheWrongKind() {
        ConsentId oneTime = h.connect(ALICE, FlowKind.ONE_TIME_ACCESS);
        int startsBefore = h.fake.startRequests.size();

        assertThatThrownBy(() -> renew(oneTime)).isInstanceOf(WrongConsentKind.class);
        assertThat(h.fake.startRequests).hasSize(startsBefore);
    }

    @Test
    void renewingAnIncomeReportConsentIsTheWrongKind() {
        ConsentId report = h.connect(ALICE, FlowKind.INCOME_REPORT);

        assertThatThrownBy(() -> renew(report)).isInstanceOf(WrongConsentKind.class);
    }

    @Test
    void aRevokedConsentCannotBeRenewed() {
        h.revokeConsent.revoke(ALICE, id);

        assertThatThrownBy(() -> renew(id))
                .isInstanceOfSatisfying(ConsentNotUsable.class, e -> assertThat(e.status()).isEqualTo(ConsentStatus.REVOKED));
    }

    @Test
    void aRenewalReturnUrlOutsideTheAllowListIsRejected() {
        RenewConsentCommand command = new RenewConsentCommand(ALICE, id, Language.DE,
                Optional.of(URI.create("https://evil.example/")));

        assertThatThrownBy(() -> h.renewConsent.renew(command)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void aCancelledRenewalLeavesTheConsentAsItWas() {
        Consent before = h.consent(id);
        FlowStarted started = renew(id);

        h.callback.handle(h.callbackFor(started.flowId()).abort("true").build());

        assertThat(h.consent(id).snapshot()).isEqualTo(before.snapshot());
    }
}
