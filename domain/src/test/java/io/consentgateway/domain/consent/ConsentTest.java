package io.consentgateway.domain.consent;

import io.consentgateway.domain.policy.ConsentPolicy;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.DomainRuleViolation;
import io.consentgateway.domain.shared.InvalidValueException;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.shared.UserId;
import io.consentgateway.domain.token.AccessToken;
import io.consentgateway.domain.token.IssuedTokens;
import io.consentgateway.domain.token.RefreshToken;
import io.consentgateway.domain.token.TokenPair;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsentTest {
    static final Instant T = Instant.parse("2026-03-01T09:00:00Z");
    static final ConsentPolicy POLICY = ConsentPolicy.defaults();

    static Instant day(int days) {
        return T.plus(Duration.ofDays(days));
    }

    static final ProviderId PROVIDER = new ProviderId("someprovider");

    static IssuedTokens tokens(String access, String refresh) {
        return IssuedTokens.of(access, refresh, Duration.ofHours(1), "accounts=ro balance=ro transactions=ro offline");
    }

    static Consent grant(ConsentKind kind) {
        return grant(kind, Optional.empty());
    }

    static Consent grant(ConsentKind kind, Optional<Instant> providerEnd) {
        IssuedTokens issued = tokens("access-1", "refresh-1");
        if (providerEnd.isPresent()) {
            issued = issued.withConsentExpiresIn(Duration.between(T, providerEnd.get()));
        }
        return Consent.grant(ConsentId.random(), new UserId("alice"), PROVIDER, kind, Optional.of("pf-1"), issued, T, POLICY);
    }

    static Consent ongoing() {
        return grant(ConsentKind.ONGOING_ACCESS);
    }

    @Nested
    class Grant {
        @Test
        void anOngoingConsentStartsActiveWithItsRefreshToken() {
            Consent consent = ongoing();

            assertThat(consent.status()).isEqualTo(ConsentStatus.ACTIVE);
            assertThat(consent.refreshToken()).contains(new RefreshToken("refresh-1"));
            assertThat(consent.lastUserActivityAt()).isEqualTo(T);
            assertThat(consent.lastRefreshedAt()).isEmpty();
            assertThat(consent.expiresAt()).isEqualTo(day(90));
        }

        @Test
        void anOngoingConsentIsFirstCheckedWhenItsRefreshTokenIsDueForRenewal() {
            assertThat(ongoing().nextCheckAt()).contains(day(30));
        }

        @ParameterizedTest
        @EnumSource(value = ConsentKind.class, names = {"ONE_TIME_ACCESS", "INCOME_REPORT"})
        void aOneTimeConsentNeverStoresTheRefreshTokenTheProviderSent(ConsentKind kind) {
            Consent consent = grant(kind);

            assertThat(consent.tokens().refreshToken()).isEmpty();
            assertThat(consent.snapshot().tokens().orElseThrow().refreshExpiresAt()).isEmpty();
            assertThat(consent.refreshToken()).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(value = ConsentKind.class, names = {"ONE_TIME_ACCESS", "INCOME_REPORT"})
        void aOneTimeConsentEndsOneHourAfterGrantAndIsCheckedThen(ConsentKind kind) {
            Consent consent = grant(kind);

            assertThat(consent.expiresAt()).isEqualTo(T.plus(Duration.ofHours(1)));
            assertThat(consent.nextCheckAt()).contains(T.plus(Duration.ofHours(1)));
        }

        @Test
        void aSnapshotOfAOneTimeConsentWithARefreshTokenIsRejected() {
            Consent.Snapshot s = ongoing().snapshot();

            assertThatThrownBy(() -> new Consent.Snapshot(s.id(), s.userId(), s.provider(), ConsentKind.ONE_TIME_ACCESS,
                    s.providerFlowId(), s.status(), s.tokens(), s.grantedAt(), s.lastUserActivityAt(), s.lastRefreshedAt(),
                    s.providerConsentEndsAt(), s.expiresAt(), s.nextCheckAt(), s.refreshInDoubtSince(), s.reauthorizationReason(),
                    s.version()))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("never stores a refresh token");
        }

        @Test
        void aSnapshotWithoutTokensThatIsNotEndedIsRejected() {
            Consent.Snapshot s = ongoing().snapshot();

            assertThatThrownBy(() -> new Consent.Snapshot(s.id(), s.userId(), s.provider(), s.kind(), s.providerFlowId(),
                    ConsentStatus.ACTIVE, Optional.empty(), s.grantedAt(), s.lastUserActivityAt(), s.lastRefreshedAt(),
                    s.providerConsentEndsAt(), s.expiresAt(), s.nextCheckAt(), s.refreshInDoubtSince(), s.reauthorizationReason(),
                    s.version()))
                    .isInstanceOf(InvalidValueException.class);
        }

        @Test
        void aRevokedSnapshotWithTokensIsRejected() {
            Consent.Snapshot s = ongoing().snapshot();

            assertThatThrownBy(() -> new Consent.Snapshot(s.id(), s.userId(), s.provider(), s.kind(), s.providerFlowId(),
                    ConsentStatus.REVOKED, s.tokens(), s.grantedAt(), s.lastUserActivityAt(), s.lastRefreshedAt(),
                    s.providerConsentEndsAt(), s.expiresAt(), s.nextCheckAt(), s.refreshInDoubtSince(), s.reauthorizationReason(),
                    s.version()))
                    .isInstanceOf(InvalidValueException.class);
        }

        @Test
        void aStoredConsentRestoresFromItsSnapshot() {
            Consent original = ongoing().withVersion(4);

            assertThat(Consent.restore(original.snapshot()).snapshot()).isEqualTo(original.snapshot());
        }
    }

    @Nested
    class OngoingExpiry {
        @Test
        void userActivityDoesNotOutliveTheRefreshToken() {
            Consent read = ongoing().recordUserActivity(day(10), POLICY);

            assertThat(read.lastUserActivityAt()).isEqualTo(day(10));
            assertThat(read.expiresAt()).isEqualTo(day(90)); // the refresh token issued at T ends first
        }

        @Test
        void aReadWithinTheActivityGrainOfTheLastRecordedOneNeedsNoRecording() {
            Consent read = ongoing().recordUserActivity(day(10), POLICY);

            assertThat(read.userActivityToRecordAt(day(10))).isFalse();
            assertThat(read.userActivityToRecordAt(day(10).plus(Consent.ACTIVITY_GRAIN).minusMillis(1))).isFalse();
            assertThat(read.userActivityToRecordAt(day(10).plus(Consent.ACTIVITY_GRAIN))).isTrue();
            assertThat(read.userActivityToRecordAt(day(11))).isTrue();
        }

        @Test
        void aRenewedRefreshTokenDoesNotOutliveTheInactivityLimit() {
            Consent renewed = ongoing().refreshed(tokens("access-2", "refresh-2"), day(30), POLICY);

            assertThat(renewed.tokens().refreshExpiresAt()).contains(day(120));
            assertThat(renewed.expiresAt()).isEqualTo(day(90)); // no user activity since T
        }

        @Test
        void theConsentEndsAtTheEarlierOfLastActivityPlus90DaysAndRefreshTokenExpiry() {
            Consent consent = ongoing()
                    .refreshed(tokens("access-2", "refresh-2"), day(30), POLICY)
                    .recordUserActivity(day(40), POLICY);

            assertThat(consent.expiresAt()).isEqualTo(day(120)); // refresh token day 30 + 90 < activity day 40 + 90
        }

        @Test
        void theProvidersOwnConsentEndCapsTheConsentWhereKnown() {
            assertThat(grant(ConsentKind.ONGOING_ACCESS, Optional.of(day(60))).expiresAt()).isEqualTo(day(60));
        }

        @Test
        void aRefreshThatReportsTheProvidersConsentEndMovesItThere() {
            Consent consent = grant(ConsentKind.ONGOING_ACCESS, Optional.of(day(60)));

            Consent refreshed = consent.refreshed(tokens("access-2", "refresh-2").withConsentExpiresIn(Duration.ofDays(20)),
                    day(10), POLICY);

            assertThat(refreshed.providerConsentEndsAt()).contains(day(30));
            assertThat(refreshed.expiresAt()).isEqualTo(day(30));
        }

        @Test
        void aRefreshThatReportsNoConsentEndKeepsTheKnownOne() {
            Consent refreshed = grant(ConsentKind.ONGOING_ACCESS, Optional.of(day(60)))
                    .refreshed(tokens("access-2", "refresh-2"), day(10), POLICY);

            assertThat(refreshed.providerConsentEndsAt()).contains(day(60));
            assertThat(refreshed.expiresAt()).isEqualTo(day(60));
        }

        @Test
        void aRenewalTakesTheNewConsentEndTheProviderGrants() {
            Consent renewed = grant(ConsentKind.ONGOING_ACCESS, Optional.of(day(60)))
                    .reauthorized(tokens("access-3", "refresh-3").withConsentExpiresIn(Duration.ofDays(90)), day(50), POLICY);

            assertThat(renewed.providerConsentEndsAt()).contains(day(140));
            assertThat(renewed.expiresAt()).isEqualTo(day(140));
        }

        @Test
        void aBackgroundRefreshIsNotUserActivity() {
            Consent renewed = ongoing().refreshed(tokens("access-2", "refresh-2"), day(30), POLICY);

            assertThat(renewed.lastUserActivityAt()).isEqualTo(T);
            assertThat(renewed.lastRefreshedAt()).contains(day(30));
        }

        @Test
        void aUsersReadRestartsTheInactivityClock() {
            Consent read = ongoing()
                    .refreshed(tokens("access-2", "refresh-2"), day(20), POLICY)
                    .recordUserActivity(day(20), POLICY);

            assertThat(read.lastUserActivityAt()).isEqualTo(day(20));
            assertThat(read.expiresAt()).isEqualTo(day(110));
        }

        @Test
        void itIsExpiringSoonFrom14DaysBeforeItsEnd() {
            Consent consent = ongoing();

            assertThat(consent.statusAt(day(76).minusNanos(1), POLICY)).isEqualTo(ConsentStatus.ACTIVE);
            assertThat(consent.statusAt(day(76), POLICY)).isEqualTo(ConsentStatus.EXPIRING_SOON);
            assertThat(consent.nextActionAt(day(76), POLICY)).isEqualTo(NextAction.RENEW);
        }

        @Test
        void onDay89WithoutActivityItIsExpiringSoonAndStillReadable() {
            Consent consent = ongoing();

            assertThat(consent.statusAt(day(89), POLICY)).isEqualTo(ConsentStatus.EXPIRING_SOON);
            consent.ensureReadableAt(day(89), POLICY);
        }

        @Test
        void onDay90WithoutActivityItIsExpired() {
            Consent consent = ongoing();

            assertThat(consent.statusAt(day(90).minusNanos(1), POLICY)).isEqualTo(ConsentStatus.EXPIRING_SOON);
            assertThat(consent.statusAt(day(90), POLICY)).isEqualTo(ConsentStatus.EXPIRED);
        }

        @Test
        void onDay91WithoutActivityItIsExpiredAndMustBeRenewed() {
            Consent consent = ongoing();

            assertThat(consent.statusAt(day(91), POLICY)).isEqualTo(ConsentStatus.EXPIRED);
            assertThatThrownBy(() -> consent.ensureReadableAt(day(91), POLICY))
                    .isInstanceOfSatisfying(ConsentNotUsable.class, e -> {
                        assertThat(e.status()).isEqualTo(ConsentStatus.EXPIRED);
                        assertThat(e.nextAction()).isEqualTo(NextAction.RENEW);
                    });
        }

        @Test
        void anExpiredConsentRecordsNoActivity() {
            assertThatThrownBy(() -> ongoing().recordUserActivity(day(90), POLICY)).isInstanceOf(ConsentNotUsable.class);
        }

        @Test
        void anExpiredConsentIsNotRefreshed() {
            assertThatThrownBy(() -> ongoing().refreshed(tokens("a2", "r2"), day(90), POLICY)).isInstanceOf(ConsentNotUsable.class);
        }
    }

    @Nested
    class OneTimeExpiry {
        @Test
        void aOneTimeConsentIsActiveNotExpiringSoonDuringItsHour() {
            Consent consent = grant(ConsentKind.ONE_TIME_ACCESS);

            assertThat(consent.statusAt(T.plus(Duration.ofMinutes(59)), POLICY)).isEqualTo(ConsentStatus.ACTIVE);
        }

        @Test
        void aOneTimeConsentIsUnreadableOneHourAfterGrantAndMustBeConnectedAgain() {
            Consent consent = grant(ConsentKind.INCOME_REPORT);

            assertThatThrownBy(() -> consent.ensureReadableAt(T.plus(Duration.ofHours(1)), POLICY))
                    .isInstanceOfSatisfying(ConsentNotUsable.class, e -> {
                        assertThat(e.status()).isEqualTo(ConsentStatus.EXPIRED);
                        assertThat(e.nextAction()).isEqualTo(NextAction.CONNECT_AGAIN);
                    });
        }

        @Test
        void aOneTimeConsentIsNeverRefreshed() {
            Consent consent = grant(ConsentKind.ONE_TIME_ACCESS);

            assertThatThrownBy(() -> consent.refreshed(tokens("a2", "r2"), T.plusSeconds(60), POLICY))
                    .isInstanceOf(DomainRuleViolation.class)
                    .hasMessageContaining("never refreshed");
        }

        @Test
        void aConsentTheProviderEndedEarlyIsExpiredFromThenOnAndItsTokensAreDestroyed() {
            Consent ended = grant(ConsentKind.ONE_TIME_ACCESS).endedByProvider(T.plus(Duration.ofMinutes(10)));

            assertThat(ended.statusAt(T.plus(Duration.ofMinutes(11)), POLICY)).isEqualTo(ConsentStatus.EXPIRED);
            assertThat(ended.expiresAt()).isEqualTo(T.plus(Duration.ofMinutes(10)));
            assertThat(ended.nextCheckAt()).isEmpty();
            assertThat(ended.tokensIfAny()).isEmpty();
        }

        @Test
        void aConsentThatAlreadyEndedCannotBeEndedAgain() {
            Consent revoked = grant(ConsentKind.ONE_TIME_ACCESS).revoke(T.plusSeconds(1));

            assertThatThrownBy(() -> revoked.endedByProvider(T.plusSeconds(2))).isInstanceOf(DomainRuleViolation.class);
        }

        @Test
        void aOneTimeConsentIsNeverDueForRefreshTokenRenewal() {
            assertThat(grant(ConsentKind.ONE_TIME_ACCESS).refreshTokenRenewalDueAt(day(31), POLICY)).isFalse();
        }
    }

    @Nested
    class Refresh {
        @Test
        void theAccessTokenNeedsRefreshFromOneMinuteBeforeItExpires() {
            Consent consent = ongoing();

            assertThat(consent.accessTokenNeedsRefreshAt(T.plus(Duration.ofMinutes(59)).minusNanos(1), POLICY)).isFalse();
            assertThat(consent.accessTokenNeedsRefreshAt(T.plus(Duration.ofMinutes(59)), POLICY)).isTrue();
        }

        @Test
        void theRefreshTokenIsDueForRenewalWhenItIs30DaysOld() {
            Consent consent = ongoing();

            assertThat(consent.refreshTokenRenewalDueAt(day(30).minusNanos(1), POLICY)).isFalse();
            assertThat(consent.refreshTokenRenewalDueAt(day(30), POLICY)).isTrue();
        }

        @Test
        void aRefreshReplacesBothTokens() {
            Consent renewed = ongoing().refreshed(tokens("access-2", "refresh-2"), day(1), POLICY);

            assertThat(renewed.tokens().accessToken()).isEqualTo(new AccessToken("access-2"));
            assertThat(renewed.refreshToken()).contains(new RefreshToken("refresh-2"));
        }

        @Test
        void aRejectedRefreshRequiresReauthorizationAndKeepsTheTokens() {
            Consent consent = ongoing();

            Consent rejected = consent.refreshRejected();

            assertThat(rejected.status()).isEqualTo(ConsentStatus.REAUTH_REQUIRED);
            assertThat(rejected.reauthorizationReason()).contains(ReauthorizationReason.REFRESH_REJECTED);
            assertThat(rejected.tokens()).isEqualTo(consent.tokens());
        }

        @Test
        void aConsentRequiringReauthorizationCannotBeReadAndAsksForRenewal() {
            Consent rejected = ongoing().refreshRejected();

            assertThatThrownBy(() -> rejected.ensureReadableAt(day(5), POLICY))
                    .isInstanceOfSatisfying(ConsentNotUsable.class, e -> {
                        assertThat(e.status()).isEqualTo(ConsentStatus.REAUTH_REQUIRED);
                        assertThat(e.nextAction()).isEqualTo(NextAction.RENEW);
                    });
        }

        @Test
        void aConsentRequiringReauthorizationIsNotDueForRenewal() {
            assertThat(ongoing().refreshRejected().refreshTokenRenewalDueAt(day(31), POLICY)).isFalse();
        }
    }

    @Nested
    class RefreshInDoubt {
        @Test
        void anUnansweredRefreshIsRecordedAndMakesTheConsentDueShortlyWithoutTouchingItsTokens() {
            Consent consent = ongoing();

            Consent inDoubt = consent.refreshUnanswered(day(30), POLICY);

            assertThat(inDoubt.refreshInDoubtSince()).contains(day(30));
            assertThat(inDoubt.nextCheckAt()).contains(day(30).plus(POLICY.settleInDoubtAfter()));
            assertThat(inDoubt.status()).isEqualTo(ConsentStatus.ACTIVE);
            assertThat(inDoubt.tokens()).isEqualTo(consent.tokens());
            assertThat(inDoubt.reauthorizationReason()).isEmpty();
        }

        @Test
        void theDoubtSurvivesAUserReadAndADeferral() {
            Consent inDoubt = ongoing().refreshUnanswered(day(10), POLICY);

            assertThat(inDoubt.recordUserActivity(day(10).plusSeconds(5), POLICY).refreshInDoubtSince()).contains(day(10));
            assertThat(inDoubt.recordUserActivity(day(10).plusSeconds(5), POLICY).nextCheckAt())
                    .contains(day(10).plus(POLICY.settleInDoubtAfter()));
            assertThat(inDoubt.checkAgainAt(day(31)).refreshInDoubtSince()).contains(day(10));
        }

        @Test
        void newTokensSettleTheDoubt() {
            Consent settled = ongoing().refreshUnanswered(day(30), POLICY).refreshed(tokens("access-2", "refresh-2"), day(30), POLICY);

            assertThat(settled.refreshInDoubtSince()).isEmpty();
            assertThat(settled.status()).isEqualTo(ConsentStatus.ACTIVE);
            assertThat(settled.nextCheckAt()).isPresent().get().isNotEqualTo(day(30));
        }

        @Test
        void aRefusalOfATokenInDoubtMeansTheRefreshWasLost() {
            Consent lost = ongoing().refreshUnanswered(day(30), POLICY).refreshRejected();

            assertThat(lost.status()).isEqualTo(ConsentStatus.REAUTH_REQUIRED);
            assertThat(lost.reauthorizationReason()).contains(ReauthorizationReason.REFRESH_LOST);
            assertThat(lost.refreshInDoubtSince()).isEmpty();
        }

        @Test
        void aSecondUnansweredAttemptNeverLeadsToAThirdTheRefreshIsLost() {
            Consent lost = ongoing().refreshUnanswered(day(30), POLICY).refreshUnanswered(day(30).plusSeconds(60), POLICY);

            assertThat(lost.status()).isEqualTo(ConsentStatus.REAUTH_REQUIRED);
            assertThat(lost.reauthorizationReason()).contains(ReauthorizationReason.REFRESH_LOST);
            assertThat(lost.refreshToken()).as("kept, but no longer presented by a readable consent").isPresent();
            assertThat(lost.statusAt(day(31), POLICY).isReadable()).isFalse();
        }

        @Test
        void onlyAUsableOngoingConsentCanBeInDoubt() {
            assertThatThrownBy(() -> grant(ConsentKind.ONE_TIME_ACCESS).refreshUnanswered(T.plusSeconds(5), POLICY))
                    .isInstanceOf(DomainRuleViolation.class);
            assertThatThrownBy(() -> ongoing().refreshRejected().refreshUnanswered(day(5), POLICY))
                    .isInstanceOf(DomainRuleViolation.class);
            Consent.Snapshot s = ongoing().refreshRejected().snapshot();
            assertThatThrownBy(() -> new Consent.Snapshot(s.id(), s.userId(), s.provider(), s.kind(), s.providerFlowId(),
                    s.status(), s.tokens(), s.grantedAt(), s.lastUserActivityAt(), s.lastRefreshedAt(),
                    s.providerConsentEndsAt(), s.expiresAt(), s.nextCheckAt(), Optional.of(day(5)), s.reauthorizationReason(),
                    s.version()))
                    .isInstanceOf(InvalidValueException.class);
        }

        @Test
        void aReasonWithoutReauthorizationIsRejected() {
            Consent.Snapshot s = ongoing().snapshot();

            assertThatThrownBy(() -> new Consent.Snapshot(s.id(), s.userId(), s.provider(), s.kind(), s.providerFlowId(),
                    s.status(), s.tokens(), s.grantedAt(), s.lastUserActivityAt(), s.lastRefreshedAt(),
                    s.providerConsentEndsAt(), s.expiresAt(), s.nextCheckAt(), Optional.empty(),
                    Optional.of(ReauthorizationReason.REFRESH_LOST), s.version()))
                    .isInstanceOf(InvalidValueException.class);
        }

        @Test
        void renewalClearsTheReason() {
            Consent renewed = ongoing().refreshUnanswered(day(30), POLICY).refreshRejected()
                    .reauthorized(tokens("access-9", "refresh-9"), day(31), POLICY);

            assertThat(renewed.reauthorizationReason()).isEmpty();
            assertThat(renewed.refreshInDoubtSince()).isEmpty();
        }
    }

    @Nested
    class Revocation {
        @Test
        void revokingDestroysTheTokens() {
            Consent revoked = ongoing().revoke(day(1));

            assertThat(revoked.status()).isEqualTo(ConsentStatus.REVOKED);
            assertThat(revoked.tokensIfAny()).isEmpty();
            assertThat(revoked.refreshToken()).isEmpty();
            assertThat(revoked.nextCheckAt()).isEmpty();
        }

        @Test
        void aRevokedConsentHasNoTokensToHandOut() {
            Consent revoked = ongoing().revoke(day(1));

            assertThatThrownBy(revoked::tokens).isInstanceOf(DomainRuleViolation.class);
        }

        @Test
        void aRevokedConsentMustBeConnectedAgain() {
            Consent revoked = ongoing().revoke(day(1));

            assertThat(revoked.statusAt(day(2), POLICY)).isEqualTo(ConsentStatus.REVOKED);
            assertThat(revoked.nextActionAt(day(2), POLICY)).isEqualTo(NextAction.CONNECT_AGAIN);
        }

        @Test
        void revokingTwiceIsRefusedByTheAggregate() {
            Consent revoked = ongoing().revoke(day(1));

            assertThatThrownBy(() -> revoked.revoke(day(2)))
                    .isInstanceOf(DomainRuleViolation.class)
                    .hasMessage("consent already revoked");
        }

        @Test
        void aRevokedConsentCannotBeMarkedForReauthorization() {
            Consent revoked = ongoing().revoke(day(1));

            assertThatThrownBy(() -> revoked.refreshRejected()).isInstanceOf(DomainRuleViolation.class);
        }
    }

    @Nested
    class Reauthorization {
        @Test
        void reauthorizingReactivatesTheSameConsentWithNewTokensAndResetsActivity() {
            Consent rejected = ongoing().refreshRejected();

            Consent renewed = rejected.reauthorized(tokens("access-9", "refresh-9"), day(50), POLICY);

            assertThat(renewed.id()).isEqualTo(rejected.id());
            assertThat(renewed.status()).isEqualTo(ConsentStatus.ACTIVE);
            assertThat(renewed.tokens().accessToken()).isEqualTo(new AccessToken("access-9"));
            assertThat(renewed.refreshToken()).contains(new RefreshToken("refresh-9"));
            assertThat(renewed.lastUserActivityAt()).isEqualTo(day(50));
            assertThat(renewed.expiresAt()).isEqualTo(day(140));
            assertThat(renewed.grantedAt()).isEqualTo(T);
        }

        @Test
        void anExpiredConsentCanBeReauthorized() {
            Consent renewed = ongoing().reauthorized(tokens("access-9", "refresh-9"), day(100), POLICY);

            assertThat(renewed.statusAt(day(100), POLICY)).isEqualTo(ConsentStatus.ACTIVE);
        }

        @Test
        void onlyAnOngoingConsentTheUserHasNotRevokedAcceptsReauthorization() {
            assertThat(ongoing().acceptsReauthorization()).isTrue();
            assertThat(ongoing().refreshRejected().acceptsReauthorization()).isTrue();
            assertThat(ongoing().review(day(90), POLICY).acceptsReauthorization()).as("expired").isTrue();
            assertThat(ongoing().revoke(day(1)).acceptsReauthorization()).as("revoked").isFalse();
            assertThat(grant(ConsentKind.ONE_TIME_ACCESS).acceptsReauthorization()).as("one-time").isFalse();
        }

        @Test
        void aOneTimeConsentCannotBeReauthorized() {
            assertThatThrownBy(() -> grant(ConsentKind.ONE_TIME_ACCESS)
                    .reauthorized(tokens("a9", "r9"), T.plusSeconds(60), POLICY))
                    .isInstanceOf(DomainRuleViolation.class);
        }

        @Test
        void aRevokedConsentCannotBeReauthorized() {
            Consent revoked = ongoing().revoke(day(1));

            assertThatThrownBy(() -> revoked.reauthorized(tokens("a9", "r9"), day(2), POLICY))
                    .isInstanceOf(DomainRuleViolation.class)
                    .hasMessageContaining("revoked");
        }
    }

    @Nested
    class SchedulerReview {
        @Test
        void reviewStoresExpiringSoon() {
            assertThat(ongoing().review(day(80), POLICY).status()).isEqualTo(ConsentStatus.EXPIRING_SOON);
        }

        @Test
        void reviewStoresExpiredDestroysTheTokensAndStopsChecking() {
            Consent expired = ongoing().review(day(90), POLICY);

            assertThat(expired.status()).isEqualTo(ConsentStatus.EXPIRED);
            assertThat(expired.nextCheckAt()).isEmpty();
            assertThat(expired.tokensIfAny()).isEmpty();
            assertThatThrownBy(expired::tokens).isInstanceOf(DomainRuleViolation.class)
                    .hasMessageNotContaining("access-1");
        }

        @Test
        void aConsentThatRequiresReauthorizationKeepsItsTokensUntilItsEndThenExpiresWithoutThem() {
            Consent rejected = ongoing().refreshRejected();

            assertThat(rejected.nextCheckAt()).as("looked at again at its end").contains(rejected.expiresAt());
            Consent before = rejected.review(rejected.expiresAt().minusSeconds(1), POLICY);
            assertThat(before.status()).isEqualTo(ConsentStatus.REAUTH_REQUIRED);
            assertThat(before.tokensIfAny()).isPresent();
            assertThat(rejected.statusAt(rejected.expiresAt(), POLICY)).isEqualTo(ConsentStatus.EXPIRED);

            Consent after = rejected.review(rejected.expiresAt(), POLICY);
            assertThat(after.status()).isEqualTo(ConsentStatus.EXPIRED);
            assertThat(after.tokensIfAny()).isEmpty();
            assertThat(after.reauthorizationReason()).isEmpty();
            assertThat(after.nextCheckAt()).isEmpty();
            assertThat(after.nextActionAt(day(200), POLICY)).isEqualTo(NextAction.RENEW);
        }

        @Test
        void anExpiredConsentCanBeRenewedWithNewTokens() {
            Consent expired = ongoing().review(day(90), POLICY);

            Consent renewed = expired.reauthorized(tokens("access-9", "refresh-9"), day(95), POLICY);

            assertThat(renewed.status()).isEqualTo(ConsentStatus.ACTIVE);
            assertThat(renewed.tokens().accessToken()).isEqualTo(new AccessToken("access-9"));
        }

        @Test
        void checkAgainAtMovesOnlyTheNextCheck() {
            Consent consent = ongoing();

            Consent deferred = consent.checkAgainAt(day(30).plusSeconds(900));

            assertThat(deferred.nextCheckAt()).contains(day(30).plusSeconds(900));
            assertThat(deferred.tokens()).isEqualTo(consent.tokens());
            assertThat(deferred.status()).isEqualTo(consent.status());
        }
    }

    @Test
    void aConsentSnapshotPrintsNoTokenText() {
        Consent consent = Consent.grant(ConsentId.random(), new UserId("alice"), PROVIDER, ConsentKind.ONGOING_ACCESS,
                Optional.empty(), tokens("access-secret-text", "refresh-secret-text"), T, POLICY);

        assertThat(consent.snapshot().toString()).doesNotContain("access-secret-text").doesNotContain("refresh-secret-text");
        assertThat(consent.toString()).doesNotContain("access-secret-text");
    }

    @Test
    void theTokensOfAConsentPrintNoTokenText() {
        TokenPair pair = ongoing().tokens();

        assertThat(pair.toString()).doesNotContain("access-1").doesNotContain("refresh-1");
    }
}
