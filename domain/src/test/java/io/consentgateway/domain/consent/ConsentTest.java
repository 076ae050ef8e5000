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

    /** An ongoing consent whose refresh the provider refused: {@code REAUTH_REQUIRED}. */
    static Consent rejected() {
        return ongoing().refreshable(T, POLICY).orElseThrow().refreshRejected();
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
            Consent read = ongoing().usable(day(10), POLICY).orElseThrow().recordUserActivity();

            assertThat(read.lastUserActivityAt()).isEqualTo(day(10));
            assertThat(read.expiresAt()).isEqualTo(day(90)); // the refresh token issued at T ends first
        }

        @Test
        void aReadWithinTheActivityGrainOfTheLastRecordedOneNeedsNoRecording() {
            Consent read = ongoing().usable(day(10), POLICY).orElseThrow().recordUserActivity();

            assertThat(read.userActivityToRecordAt(day(10))).isFalse();
            assertThat(read.userActivityToRecordAt(day(10).plus(Consent.ACTIVITY_GRAIN).minusMillis(1))).isFalse();
            assertThat(read.userActivityToRecordAt(day(10).plus(Consent.ACTIVITY_GRAIN))).isTrue();
            assertThat(read.userActivityToRecordAt(day(11))).isTrue();
        }

        @Test
        void aRenewedRefreshTokenDoesNotOutliveTheInactivityLimit() {
            Consent renewed = ongoing().refreshable(day(30), POLICY).orElseThrow()
                    .refreshed(tokens("access-2", "refresh-2"));

            assertThat(renewed.tokens().refreshExpiresAt()).contains(day(120));
            assertThat(renewed.expiresAt()).isEqualTo(day(90)); // no user activity since T
        }

        @Test
        void theConsentEndsAtTheEarlierOfLastActivityPlus90DaysAndRefreshTokenExpiry() {
            Consent consent = ongoing()
                    .refreshable(day(30), POLICY).orElseThrow().refreshed(tokens("access-2", "refresh-2"))
                    .usable(day(40), POLICY).orElseThrow().recordUserActivity();

            assertThat(consent.expiresAt()).isEqualTo(day(120)); // refresh token day 30 + 90 < activity day 40 + 90
        }

        @Test
        void theProvidersOwnConsentEndCapsTheConsentWhereKnown() {
            assertThat(grant(ConsentKind.ONGOING_ACCESS, Optional.of(day(60))).expiresAt()).isEqualTo(day(60));
        }

        @Test
        void aRefreshThatReportsTheProvidersConsentEndMovesItThere() {
            Consent consent = grant(ConsentKind.ONGOING_ACCESS, Optional.of(day(60)));

            Consent refreshed = consent.refreshable(day(10), POLICY).orElseThrow()
                    .refreshed(tokens("access-2", "refresh-2").withConsentExpiresIn(Duration.ofDays(20)));

            assertThat(refreshed.providerConsentEndsAt()).contains(day(30));
            assertThat(refreshed.expiresAt()).isEqualTo(day(30));
        }

        @Test
        void aRefreshThatReportsNoConsentEndKeepsTheKnownOne() {
            Consent refreshed = grant(ConsentKind.ONGOING_ACCESS, Optional.of(day(60)))
                    .refreshable(day(10), POLICY).orElseThrow().refreshed(tokens("access-2", "refresh-2"));

            assertThat(refreshed.providerConsentEndsAt()).contains(day(60));
            assertThat(refreshed.expiresAt()).isEqualTo(day(60));
        }

        @Test
        void aRenewalTakesTheNewConsentEndTheProviderGrants() {
            Consent renewed = grant(ConsentKind.ONGOING_ACCESS, Optional.of(day(60)))
                    .reauthorizable().orElseThrow()
                            .reauthorized(tokens("access-3", "refresh-3").withConsentExpiresIn(Duration.ofDays(90)), day(50),
                                    POLICY);

            assertThat(renewed.providerConsentEndsAt()).contains(day(140));
            assertThat(renewed.expiresAt()).isEqualTo(day(140));
        }

        @Test
        void aBackgroundRefreshIsNotUserActivity() {
            Consent renewed = ongoing().refreshable(day(30), POLICY).orElseThrow()
                    .refreshed(tokens("access-2", "refresh-2"));

            assertThat(renewed.lastUserActivityAt()).isEqualTo(T);
            assertThat(renewed.lastRefreshedAt()).contains(day(30));
        }

        @Test
        void aUsersReadRestartsTheInactivityClock() {
            Consent read = ongoing()
                    .refreshable(day(20), POLICY).orElseThrow().refreshed(tokens("access-2", "refresh-2"))
                    .usable(day(20), POLICY).orElseThrow().recordUserActivity();

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
            assertThat(ongoing().usable(day(90), POLICY)).as("no read to record").isEmpty();
        }

        @Test
        void anExpiredConsentIsNotRefreshed() {
            assertThat(ongoing().refreshable(day(90), POLICY)).isEmpty();
            assertThat(ongoing().refreshable(day(90).minusNanos(1), POLICY)).as("the instant decides").isPresent();
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

            assertThat(consent.usable(T.plusSeconds(60), POLICY)).as("it can serve data").isPresent();
            assertThat(consent.refreshable(T.plusSeconds(60), POLICY)).as("but has nothing to refresh").isEmpty();
        }

        @Test
        void aConsentTheProviderEndedEarlyIsExpiredFromThenOnAndItsTokensAreDestroyed() {
            Consent ended = grant(ConsentKind.ONE_TIME_ACCESS).usable(T.plus(Duration.ofMinutes(10)), POLICY).orElseThrow()
                    .endedByProvider();

            assertThat(ended.statusAt(T.plus(Duration.ofMinutes(11)), POLICY)).isEqualTo(ConsentStatus.EXPIRED);
            assertThat(ended.expiresAt()).isEqualTo(T.plus(Duration.ofMinutes(10)));
            assertThat(ended.nextCheckAt()).isEmpty();
            assertThat(ended.tokensIfAny()).isEmpty();
        }

        @Test
        void aConsentThatAlreadyEndedCannotBeEndedAgain() {
            Consent revoked = grant(ConsentKind.ONE_TIME_ACCESS).revocable().orElseThrow().revoke(T.plusSeconds(1));

            assertThat(revoked.usable(T.plusSeconds(2), POLICY)).isEmpty();
            Consent ended = grant(ConsentKind.ONE_TIME_ACCESS).usable(T.plusSeconds(1), POLICY).orElseThrow()
                    .endedByProvider();
            assertThat(ended.usable(T.plusSeconds(2), POLICY)).isEmpty();
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
            Consent renewed = ongoing().refreshable(day(1), POLICY).orElseThrow()
                    .refreshed(tokens("access-2", "refresh-2"));

            assertThat(renewed.tokens().accessToken()).isEqualTo(new AccessToken("access-2"));
            assertThat(renewed.refreshToken()).contains(new RefreshToken("refresh-2"));
        }

        @Test
        void aRejectedRefreshRequiresReauthorizationAndKeepsTheTokens() {
            Consent consent = ongoing();

            Consent rejected = consent.refreshable(T, POLICY).orElseThrow().refreshRejected();

            assertThat(rejected.status()).isEqualTo(ConsentStatus.REAUTH_REQUIRED);
            assertThat(rejected.reauthorizationReason()).contains(ReauthorizationReason.REFRESH_REJECTED);
            assertThat(rejected.tokens()).isEqualTo(consent.tokens());
        }

        @Test
        void aConsentRequiringReauthorizationCannotBeReadAndAsksForRenewal() {
            Consent rejected = rejected();

            assertThatThrownBy(() -> rejected.ensureReadableAt(day(5), POLICY))
                    .isInstanceOfSatisfying(ConsentNotUsable.class, e -> {
                        assertThat(e.status()).isEqualTo(ConsentStatus.REAUTH_REQUIRED);
                        assertThat(e.nextAction()).isEqualTo(NextAction.RENEW);
                    });
        }

        @Test
        void aConsentRequiringReauthorizationIsNotDueForRenewal() {
            assertThat(rejected().refreshTokenRenewalDueAt(day(31), POLICY)).isFalse();
        }
    }

    @Nested
    class RefreshInDoubt {
        @Test
        void anUnansweredRefreshIsRecordedAndMakesTheConsentDueShortlyWithoutTouchingItsTokens() {
            Consent consent = ongoing();

            Consent inDoubt = consent.refreshable(day(30), POLICY).orElseThrow().refreshUnanswered(day(30));

            assertThat(inDoubt.refreshInDoubtSince()).contains(day(30));
            assertThat(inDoubt.nextCheckAt()).contains(day(30).plus(POLICY.settleInDoubtAfter()));
            assertThat(inDoubt.status()).isEqualTo(ConsentStatus.ACTIVE);
            assertThat(inDoubt.tokens()).isEqualTo(consent.tokens());
            assertThat(inDoubt.reauthorizationReason()).isEmpty();
        }

        @Test
        void theDoubtSurvivesAUserReadAndADeferral() {
            Consent inDoubt = ongoing().refreshable(day(10), POLICY).orElseThrow().refreshUnanswered(day(10));

            assertThat(inDoubt.usable(day(10).plusSeconds(5), POLICY).orElseThrow()
                    .recordUserActivity().refreshInDoubtSince()).contains(day(10));
            assertThat(inDoubt.usable(day(10).plusSeconds(5), POLICY).orElseThrow().recordUserActivity().nextCheckAt())
                    .contains(day(10).plus(POLICY.settleInDoubtAfter()));
            assertThat(inDoubt.checkAgainAt(day(31)).refreshInDoubtSince()).contains(day(10));
        }

        @Test
        void newTokensSettleTheDoubt() {
            Consent inDoubt = ongoing().refreshable(day(30), POLICY).orElseThrow().refreshUnanswered(day(30));

            Consent settled = inDoubt.refreshable(day(30), POLICY).orElseThrow()
                    .refreshed(tokens("access-2", "refresh-2"));

            assertThat(settled.refreshInDoubtSince()).isEmpty();
            assertThat(settled.status()).isEqualTo(ConsentStatus.ACTIVE);
            assertThat(settled.nextCheckAt()).isPresent().get().isNotEqualTo(day(30));
        }

        @Test
        void aRefusalOfATokenInDoubtMeansTheRefreshWasLost() {
            Consent inDoubt = ongoing().refreshable(day(30), POLICY).orElseThrow().refreshUnanswered(day(30));

            Consent lost = inDoubt.refreshable(day(30), POLICY).orElseThrow().refreshRejected();

            assertThat(lost.status()).isEqualTo(ConsentStatus.REAUTH_REQUIRED);
            assertThat(lost.reauthorizationReason()).contains(ReauthorizationReason.REFRESH_LOST);
            assertThat(lost.refreshInDoubtSince()).isEmpty();
        }

        @Test
        void aSecondUnansweredAttemptNeverLeadsToAThirdTheRefreshIsLost() {
            Consent inDoubt = ongoing().refreshable(day(30), POLICY).orElseThrow().refreshUnanswered(day(30));

            Consent lost = inDoubt.refreshable(day(30).plusSeconds(60), POLICY).orElseThrow()
                    .refreshUnanswered(day(30).plusSeconds(60));

            assertThat(lost.status()).isEqualTo(ConsentStatus.REAUTH_REQUIRED);
            assertThat(lost.reauthorizationReason()).contains(ReauthorizationReason.REFRESH_LOST);
            assertThat(lost.refreshToken()).as("kept, but no longer presented by a readable consent").isPresent();
            assertThat(lost.statusAt(day(31), POLICY).isReadable()).isFalse();
        }

        @Test
        void onlyAUsableOngoingConsentCanBeInDoubt() {
            assertThat(grant(ConsentKind.ONE_TIME_ACCESS).refreshable(T.plusSeconds(5), POLICY)).isEmpty();
            assertThat(rejected().refreshable(day(5), POLICY)).isEmpty();
            Consent.Snapshot s = rejected().snapshot();
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
            Consent lost = ongoing().refreshable(day(30), POLICY).orElseThrow().refreshUnanswered(day(30))
                    .refreshable(day(30), POLICY).orElseThrow().refreshRejected();

            Consent renewed = lost.reauthorizable().orElseThrow()
                    .reauthorized(tokens("access-9", "refresh-9"), day(31), POLICY);

            assertThat(renewed.reauthorizationReason()).isEmpty();
            assertThat(renewed.refreshInDoubtSince()).isEmpty();
        }
    }

    @Nested
    class Revocation {
        @Test
        void revokingDestroysTheTokens() {
            Consent revoked = ongoing().revocable().orElseThrow().revoke(day(1));

            assertThat(revoked.status()).isEqualTo(ConsentStatus.REVOKED);
            assertThat(revoked.tokensIfAny()).isEmpty();
            assertThat(revoked.refreshToken()).isEmpty();
            assertThat(revoked.nextCheckAt()).isEmpty();
        }

        @Test
        void aRevokedConsentHasNoTokensToHandOut() {
            Consent revoked = ongoing().revocable().orElseThrow().revoke(day(1));

            assertThatThrownBy(revoked::tokens).isInstanceOf(DomainRuleViolation.class);
        }

        @Test
        void aRevokedConsentMustBeConnectedAgain() {
            Consent revoked = ongoing().revocable().orElseThrow().revoke(day(1));

            assertThat(revoked.statusAt(day(2), POLICY)).isEqualTo(ConsentStatus.REVOKED);
            assertThat(revoked.nextActionAt(day(2), POLICY)).isEqualTo(NextAction.CONNECT_AGAIN);
        }

        @Test
        void aRevokedConsentHasNothingLeftToRevoke() {
            Consent revoked = ongoing().revocable().orElseThrow().revoke(day(1));

            assertThat(revoked.revocable()).isEmpty();
            assertThatThrownBy(() -> new Consent.Revocable(revoked))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("REVOKED");
        }

        @Test
        void anExpiredConsentOrOneRequiringReauthorizationCanStillBeRevoked() {
            Consent expired = ongoing().review(day(90), POLICY);
            Consent rejected = rejected();

            assertThat(expired.revocable().orElseThrow().revoke(day(91)).status()).isEqualTo(ConsentStatus.REVOKED);
            assertThat(rejected.revocable().orElseThrow().revoke(day(1)).tokensIfAny()).isEmpty();
        }

        @Test
        void aRevokedConsentCannotBeMarkedForReauthorization() {
            Consent revoked = ongoing().revocable().orElseThrow().revoke(day(1));

            assertThat(revoked.refreshable(day(1), POLICY)).isEmpty();
        }
    }

    @Nested
    class Reauthorization {
        @Test
        void reauthorizingReactivatesTheSameConsentWithNewTokensAndResetsActivity() {
            Consent rejected = rejected();

            Consent renewed = rejected.reauthorizable().orElseThrow()
                    .reauthorized(tokens("access-9", "refresh-9"), day(50), POLICY);

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
            Consent renewed = ongoing().reauthorizable().orElseThrow()
                    .reauthorized(tokens("access-9", "refresh-9"), day(100), POLICY);

            assertThat(renewed.statusAt(day(100), POLICY)).isEqualTo(ConsentStatus.ACTIVE);
        }

        @Test
        void onlyAnOngoingConsentTheUserHasNotRevokedAcceptsReauthorization() {
            assertThat(ongoing().reauthorizable()).isPresent();
            assertThat(rejected().reauthorizable()).isPresent();
            assertThat(ongoing().review(day(90), POLICY).reauthorizable()).as("expired").isPresent();
            assertThat(ongoing().revocable().orElseThrow().revoke(day(1)).reauthorizable()).as("revoked").isEmpty();
            assertThat(grant(ConsentKind.ONE_TIME_ACCESS).reauthorizable()).as("one-time").isEmpty();
        }

        @Test
        void aOneTimeConsentCannotBeReauthorized() {
            Consent oneTime = grant(ConsentKind.ONE_TIME_ACCESS);

            assertThat(oneTime.reauthorizable()).isEmpty();
            assertThatThrownBy(() -> new Consent.Reauthorizable(oneTime))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("ONE_TIME_ACCESS");
        }

        @Test
        void aRevokedConsentCannotBeReauthorized() {
            Consent revoked = ongoing().revocable().orElseThrow().revoke(day(1));

            assertThat(revoked.reauthorizable()).isEmpty();
            assertThatThrownBy(() -> new Consent.Reauthorizable(revoked))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("REVOKED");
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
            Consent rejected = rejected();

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

            Consent renewed = expired.reauthorizable().orElseThrow()
                    .reauthorized(tokens("access-9", "refresh-9"), day(95), POLICY);

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

    /**
     * Which operations a consent offers depends on its status: each state answers the operations it allows, and a
     * consent in another status has no such state to ask for. Part of the status is the clock's, so the views that
     * depend on it are taken at an instant.
     */
    @Nested
    class States {
        @Test
        void anActiveOngoingConsentIsUsableRefreshableReauthorizableAndRevocable() {
            Consent consent = ongoing();

            assertThat(consent.usable(day(1), POLICY)).get().extracting(Consent.Usable::consent).isSameAs(consent);
            assertThat(consent.refreshable(day(1), POLICY)).get().extracting(Consent.Refreshable::at).isEqualTo(day(1));
            assertThat(consent.reauthorizable()).isPresent();
            assertThat(consent.revocable()).isPresent();
        }

        @Test
        void anExpiringSoonConsentIsStillUsableAndRefreshable() {
            Consent consent = ongoing().review(day(80), POLICY);

            assertThat(consent.status()).isEqualTo(ConsentStatus.EXPIRING_SOON);
            assertThat(consent.usable(day(80), POLICY)).isPresent();
            assertThat(consent.refreshable(day(80), POLICY)).isPresent();
        }

        @Test
        void aStoredActiveConsentPastItsEndIsNeitherUsableNorRefreshableThoughNotReviewedYet() {
            Consent consent = ongoing();

            assertThat(consent.status()).isEqualTo(ConsentStatus.ACTIVE);
            assertThat(consent.usable(day(90), POLICY)).isEmpty();
            assertThat(consent.refreshable(day(90), POLICY)).isEmpty();
            assertThat(consent.reauthorizable()).as("a renewal brings it back").isPresent();
            assertThat(consent.revocable()).isPresent();
        }

        @Test
        void aOneTimeConsentIsUsableAndRevocableButNeverRefreshableNorReauthorizable() {
            Consent consent = grant(ConsentKind.INCOME_REPORT);

            assertThat(consent.usable(T.plusSeconds(60), POLICY)).isPresent();
            assertThat(consent.refreshable(T.plusSeconds(60), POLICY)).isEmpty();
            assertThat(consent.reauthorizable()).isEmpty();
            assertThat(consent.revocable()).isPresent();
        }

        @Test
        void aConsentRequiringReauthorizationCanOnlyBeReauthorizedOrRevoked() {
            Consent consent = rejected();

            assertThat(consent.usable(day(1), POLICY)).isEmpty();
            assertThat(consent.refreshable(day(1), POLICY)).isEmpty();
            assertThat(consent.reauthorizable()).isPresent();
            assertThat(consent.revocable()).isPresent();
        }

        @Test
        void anExpiredOngoingConsentCanOnlyBeReauthorizedOrRevoked() {
            Consent consent = ongoing().review(day(90), POLICY);

            assertThat(consent.usable(day(90), POLICY)).isEmpty();
            assertThat(consent.refreshable(day(90), POLICY)).isEmpty();
            assertThat(consent.reauthorizable()).isPresent();
            assertThat(consent.revocable()).isPresent();
        }

        @Test
        void aRevokedConsentOffersNothing() {
            Consent consent = ongoing().revocable().orElseThrow().revoke(day(1));

            assertThat(consent.usable(day(1), POLICY)).isEmpty();
            assertThat(consent.refreshable(day(1), POLICY)).isEmpty();
            assertThat(consent.reauthorizable()).isEmpty();
            assertThat(consent.revocable()).isEmpty();
        }

        @Test
        void aStateRefusesAConsentInAnotherStatus() {
            Consent expired = ongoing().review(day(90), POLICY);

            assertThatThrownBy(() -> new Consent.Usable(expired, day(90), POLICY))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("EXPIRED");
            assertThatThrownBy(() -> new Consent.Refreshable(ongoing(), day(90), POLICY))
                    .as("stored ACTIVE, but past its end at that instant")
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("EXPIRED");
            assertThatThrownBy(() -> new Consent.Refreshable(grant(ConsentKind.ONE_TIME_ACCESS), T, POLICY))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("ONE_TIME_ACCESS");
        }

        @Test
        void aViewTakenAtAnInstantActsAtThatInstant() {
            Consent.Refreshable refreshable = ongoing().refreshable(day(30), POLICY).orElseThrow();

            assertThat(refreshable.refreshed(tokens("access-2", "refresh-2")).lastRefreshedAt()).contains(day(30));
            assertThat(ongoing().usable(day(12), POLICY).orElseThrow().recordUserActivity().lastUserActivityAt())
                    .isEqualTo(day(12));
        }

        @Test
        void aStateIsAViewTheConsentItselfIsUnchanged() {
            Consent consent = ongoing();

            consent.refreshable(day(1), POLICY).orElseThrow().refreshRejected();
            consent.revocable().orElseThrow().revoke(day(1));

            assertThat(consent.status()).isEqualTo(ConsentStatus.ACTIVE);
            assertThat(consent.tokensIfAny()).isPresent();
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
