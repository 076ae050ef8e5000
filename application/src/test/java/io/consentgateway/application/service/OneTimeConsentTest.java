package io.consentgateway.application.service;

import io.consentgateway.domain.consent.ConsentNotUsable;
import io.consentgateway.domain.consent.ConsentStatus;
import io.consentgateway.domain.consent.NextAction;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.shared.ConsentId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.consentgateway.application.service.GatewayHarness.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OneTimeConsentTest {
    final GatewayHarness h = new GatewayHarness();

    @ParameterizedTest
    @EnumSource(value = FlowKind.class, names = {"ONE_TIME_ACCESS", "INCOME_REPORT"})
    void theRefreshTokenTheProviderSendsAnywayIsNeverStored(FlowKind kind) {
        ConsentId id = h.connect(ALICE, kind);

        assertThat(h.consent(id).tokens().refreshToken()).isEmpty();
        assertThat(h.consent(id).snapshot().tokens().orElseThrow().refreshExpiresAt()).isEmpty();
    }

    @Test
    void aOneTimeAccessIsReadableWithinItsHour() {
        ConsentId id = h.connect(ALICE, FlowKind.ONE_TIME_ACCESS);
        h.advance(Duration.ofMinutes(58));

        assertThat(h.readAccounts.accounts(ALICE, id).data()).isNotEmpty();
    }

    @Test
    void aOneTimeAccessIsUnreadableOneHourAfterGrantWithoutARefresh() {
        ConsentId id = h.connect(ALICE, FlowKind.ONE_TIME_ACCESS);
        h.advance(Duration.ofHours(1));

        assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, id).data())
                .isInstanceOfSatisfying(ConsentNotUsable.class, e -> {
                    assertThat(e.status()).isEqualTo(ConsentStatus.EXPIRED);
                    assertThat(e.nextAction()).isEqualTo(NextAction.CONNECT_AGAIN);
                });
        assertThat(h.fake.refreshCalls).hasValue(0);
        assertThat(h.fake.dataCalls).hasValue(0);
    }

    @Test
    void anIncomeReportIsUnreadableOneHourAfterGrantWithoutARefresh() {
        ConsentId id = h.connect(ALICE, FlowKind.INCOME_REPORT);
        h.advance(Duration.ofHours(1).plusSeconds(1));

        assertThatThrownBy(() -> h.readIncomeReport.incomeReport(ALICE, id).data())
                .isInstanceOfSatisfying(ConsentNotUsable.class, e -> {
                    assertThat(e.status()).isEqualTo(ConsentStatus.EXPIRED);
                    assertThat(e.nextAction()).isEqualTo(NextAction.CONNECT_AGAIN);
                });
        assertThat(h.fake.refreshCalls).hasValue(0);
    }

    @Test
    void aOneTimeAccessTokenNearItsExpiryIsNotRefreshed() {
        ConsentId id = h.connect(ALICE, FlowKind.ONE_TIME_ACCESS);
        h.advance(Duration.ofMinutes(59).plusSeconds(30)); // inside the 60 s skew of its access token

        h.readAccounts.accounts(ALICE, id).data();

        assertThat(h.fake.refreshCalls).hasValue(0);
    }

    @Test
    void aOneTimeAccessRefusedByTheProviderIsExpiredAndNotRefreshed() {
        ConsentId id = h.connect(ALICE, FlowKind.ONE_TIME_ACCESS);
        h.fake.invalidate(h.consent(id).tokens().accessToken()); // the provider deleted the data early

        assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, id).data())
                .isInstanceOfSatisfying(ConsentNotUsable.class,
                        e -> assertThat(e.nextAction()).isEqualTo(NextAction.CONNECT_AGAIN));
        assertThat(h.fake.refreshCalls).hasValue(0);
    }

    @Test
    void aOneTimeAccessRefusedByTheProviderIsListedAsExpiredFromThenOn() {
        ConsentId id = h.connect(ALICE, FlowKind.ONE_TIME_ACCESS);
        h.fake.invalidate(h.consent(id).tokens().accessToken());

        assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, id).data()).isInstanceOf(ConsentNotUsable.class);

        assertThat(h.consent(id).status()).isEqualTo(ConsentStatus.EXPIRED);
        assertThat(h.consent(id).tokensIfAny()).as("destroyed with the end of the consent").isEmpty();
        assertThat(h.listConsents.get(ALICE, id).nextAction()).isEqualTo(NextAction.CONNECT_AGAIN);
    }

    @Test
    void theSchedulerMarksALapsedOneTimeConsentExpired() {
        ConsentId id = h.connect(ALICE, FlowKind.ONE_TIME_ACCESS);
        h.advance(Duration.ofHours(1));

        assertThat(h.keepAlive.run(10).expired()).isEqualTo(1);
        assertThat(h.consent(id).status()).isEqualTo(ConsentStatus.EXPIRED);
        assertThat(h.fake.refreshCalls).hasValue(0);
    }
}
