package io.consentgateway.application.service;

import io.consentgateway.application.port.in.ConsentView;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.consent.ConsentNotUsable;
import io.consentgateway.domain.consent.ConsentStatus;
import io.consentgateway.domain.consent.NextAction;
import io.consentgateway.domain.shared.ConsentId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.consentgateway.application.service.GatewayHarness.ALICE;
import static io.consentgateway.application.service.GatewayHarness.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An ongoing consent granted at T0 (day 0), as the user and the scheduler see it over its 90 days. */
class ConsentExpiryTest {
    final GatewayHarness h = new GatewayHarness();
    final ConsentId id = h.connectOngoing(ALICE);

    static java.time.Instant day(long days) {
        return T0.plus(Duration.ofDays(days));
    }

    @Test
    void anOngoingConsentWithoutActivityEndsAfter90Days() {
        assertThat(h.consent(id).expiresAt()).isEqualTo(day(90));
    }

    @Nested
    class Activity {
        @Test
        void aUsersReadCountsAsActivityAndMovesTheEnd() {
            h.atDay(20);

            h.readAccounts.accounts(ALICE, id).data();

            Consent consent = h.consent(id);
            assertThat(consent.lastUserActivityAt()).isEqualTo(day(20));
            assertThat(consent.expiresAt()).isEqualTo(day(110));
        }

        @Test
        void readsWithinAnHourOfTheLastRecordedOneAreNotStoredAgainTheFirstAfterItIs() {
            h.atDay(20);
            h.readAccounts.accounts(ALICE, id).data();
            long version = h.consent(id).version();

            h.clock.advance(Duration.ofMinutes(30));
            h.readAccounts.accounts(ALICE, id).data();
            assertThat(h.consent(id).version()).isEqualTo(version); // nothing written
            assertThat(h.consent(id).lastUserActivityAt()).isEqualTo(day(20));

            h.clock.advance(Duration.ofMinutes(30));
            h.readAccounts.accounts(ALICE, id).data();
            Consent consent = h.consent(id);
            assertThat(consent.lastUserActivityAt()).isEqualTo(day(20).plus(Consent.ACTIVITY_GRAIN));
            assertThat(consent.expiresAt()).isEqualTo(day(110).plus(Consent.ACTIVITY_GRAIN));
        }

        @Test
        void aTransactionsReadCountsAsActivityToo() {
            h.atDay(5);

            h.page(ALICE, id, null, 10, null);

            assertThat(h.consent(id).lastUserActivityAt()).isEqualTo(day(5));
        }

        @Test
        void aBackgroundRenewalOfA30DayOldRefreshTokenIsNotActivity() {
            h.atDay(30);

            assertThat(h.keepAlive.run(10).refreshed()).isEqualTo(1);

            Consent consent = h.consent(id);
            assertThat(consent.lastRefreshedAt()).contains(day(30));
            assertThat(consent.lastUserActivityAt()).isEqualTo(T0);
            assertThat(consent.expiresAt()).isEqualTo(day(90));
        }

        @Test
        void listingConsentsIsNotActivity() {
            h.atDay(20);

            h.listConsents.list(ALICE);

            assertThat(h.consent(id).lastUserActivityAt()).isEqualTo(T0);
        }

        @Test
        void aReadExtendsTheConsentOnlyAsFarAsItsRefreshTokenLives() {
            h.fake.omitRefreshTokenOnRefresh(true); // the refresh token issued on day 0 is never rotated
            h.atDay(40);

            h.readAccounts.accounts(ALICE, id).data();

            Consent consent = h.consent(id);
            assertThat(consent.lastUserActivityAt()).isEqualTo(day(40));
            assertThat(consent.expiresAt()).isEqualTo(day(90)); // refresh token end, not day 130
        }
    }

    @Nested
    class Boundaries {
        @Test
        void itIsActiveUntil14DaysBeforeItsEnd() {
            h.clock.set(day(76).minusSeconds(1));

            ConsentView view = h.listConsents.get(ALICE, id);

            assertThat(view.status()).isEqualTo(ConsentStatus.ACTIVE);
            assertThat(view.nextAction()).isEqualTo(NextAction.NONE);
        }

        @Test
        void itIsExpiringSoon14DaysBeforeItsEnd() {
            h.atDay(76);

            ConsentView view = h.listConsents.get(ALICE, id);

            assertThat(view.status()).isEqualTo(ConsentStatus.EXPIRING_SOON);
            assertThat(view.nextAction()).isEqualTo(NextAction.RENEW);
        }

        @Test
        void onDay89ItIsExpiringSoonAndStillReadable() {
            h.atDay(89);

            assertThat(h.listConsents.get(ALICE, id).status()).isEqualTo(ConsentStatus.EXPIRING_SOON);
            assertThat(h.readAccounts.accounts(ALICE, id).data()).isNotEmpty();
        }

        @Test
        void onDay90ItIsExpiredAndNotReadable() {
            h.atDay(90);

            assertThat(h.listConsents.get(ALICE, id).status()).isEqualTo(ConsentStatus.EXPIRED);
            assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, id).data())
                    .isInstanceOfSatisfying(ConsentNotUsable.class, e -> {
                        assertThat(e.status()).isEqualTo(ConsentStatus.EXPIRED);
                        assertThat(e.nextAction()).isEqualTo(NextAction.RENEW);
                    });
            assertThat(h.fake.refreshCalls).hasValue(0);
        }

        @Test
        void onDay91ItIsExpiredAndNotReadable() {
            h.atDay(91);

            assertThat(h.listConsents.get(ALICE, id).status()).isEqualTo(ConsentStatus.EXPIRED);
            assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, id).data()).isInstanceOf(ConsentNotUsable.class);
            assertThat(h.fake.refreshCalls).hasValue(0);
            assertThat(h.fake.dataCalls).hasValue(0);
        }

        @Test
        void aReadOnDay89KeepsTheConsentAlivePastDay90() {
            h.atDay(89);
            h.readAccounts.accounts(ALICE, id).data();
            h.atDay(91);

            assertThat(h.listConsents.get(ALICE, id).status()).isEqualTo(ConsentStatus.ACTIVE);
            assertThat(h.consent(id).expiresAt()).isEqualTo(day(179));
        }
    }
}
