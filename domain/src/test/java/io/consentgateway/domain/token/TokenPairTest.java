package io.consentgateway.domain.token;

import io.consentgateway.domain.policy.ConsentPolicy;
import io.consentgateway.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenPairTest {
    static final Instant T = Instant.parse("2026-03-01T09:00:00Z");
    static final ConsentPolicy POLICY = ConsentPolicy.defaults();
    static final Duration SKEW = Duration.ofSeconds(60);

    static TokenPair issued(String access, String refresh, Duration expiresIn) {
        return TokenPair.issue(IssuedTokens.of(access, refresh, expiresIn, "accounts=ro offline"), T, POLICY);
    }

    @Nested
    class Issue {
        @Test
        void accessExpiryIsIssueTimePlusExpiresIn() {
            assertThat(issued("a1", "r1", Duration.ofSeconds(1800)).accessExpiresAt()).isEqualTo(T.plusSeconds(1800));
        }

        @Test
        void accessExpiryFallsBackToThePolicyDefaultWithoutExpiresIn() {
            assertThat(issued("a1", "r1", null).accessExpiresAt()).isEqualTo(T.plus(Duration.ofHours(1)));
        }

        @Test
        void refreshExpiryIsIssueTimePlus90Days() {
            TokenPair pair = issued("a1", "r1", Duration.ofHours(1));

            assertThat(pair.refreshIssuedAt()).contains(T);
            assertThat(pair.refreshExpiresAt()).contains(T.plus(Duration.ofDays(90)));
        }

        @Test
        void withoutARefreshTokenThereAreNoRefreshTimes() {
            TokenPair pair = issued("a1", null, Duration.ofHours(1));

            assertThat(pair.refreshToken()).isEmpty();
            assertThat(pair.refreshExpiresAt()).isEmpty();
            assertThat(pair.refreshTokenExpiredAt(T)).isTrue();
        }

        @Test
        void aMissingTokenTypeBecomesBearer() {
            IssuedTokens tokens = new IssuedTokens(new AccessToken("a1"), Optional.empty(), null, null, Optional.empty());

            assertThat(tokens.tokenType()).isEqualTo("Bearer");
            assertThat(tokens.scope()).isEmpty();
        }

        @Test
        void aNonPositiveExpiresInIsRejected() {
            assertThatThrownBy(() -> IssuedTokens.of("a1", "r1", Duration.ZERO, "")).isInstanceOf(InvalidValueException.class);
        }
    }

    @Nested
    class NeedsRefresh {
        @Test
        void needsRefreshExactlyAtExpiryMinusSkew() {
            TokenPair pair = issued("a1", "r1", Duration.ofHours(1));

            assertThat(pair.needsRefreshAt(T.plus(Duration.ofHours(1)).minus(SKEW), SKEW)).isTrue();
        }

        @Test
        void doesNotNeedRefreshAMomentBeforeExpiryMinusSkew() {
            TokenPair pair = issued("a1", "r1", Duration.ofHours(1));

            assertThat(pair.needsRefreshAt(T.plus(Duration.ofHours(1)).minus(SKEW).minusNanos(1), SKEW)).isFalse();
        }

        @Test
        void needsRefreshAfterExpiry() {
            assertThat(issued("a1", "r1", Duration.ofHours(1)).needsRefreshAt(T.plus(Duration.ofHours(2)), SKEW)).isTrue();
        }
    }

    @Nested
    class Refresh {
        @Test
        void aRefreshReplacesBothTokens() {
            TokenPair before = issued("a1", "r1", Duration.ofHours(1));
            Instant later = T.plus(Duration.ofDays(3));

            TokenPair after = before.refreshedWith(IssuedTokens.of("a2", "r2", Duration.ofHours(1), "accounts=ro offline"), later, POLICY);

            assertThat(after.accessToken()).isEqualTo(new AccessToken("a2"));
            assertThat(after.refreshToken()).contains(new RefreshToken("r2"));
            assertThat(after.accessExpiresAt()).isEqualTo(later.plus(Duration.ofHours(1)));
            assertThat(after.refreshIssuedAt()).contains(later);
            assertThat(after.refreshExpiresAt()).contains(later.plus(Duration.ofDays(90)));
        }

        @Test
        void theOldRefreshTokenWithItsTimesIsKeptWhenTheResponseHasNone() {
            TokenPair before = issued("a1", "r1", Duration.ofHours(1));
            Instant later = T.plus(Duration.ofDays(3));

            TokenPair after = before.refreshedWith(IssuedTokens.of("a2", null, Duration.ofHours(1), ""), later, POLICY);

            assertThat(after.accessToken()).isEqualTo(new AccessToken("a2"));
            assertThat(after.refreshToken()).contains(new RefreshToken("r1"));
            assertThat(after.refreshIssuedAt()).contains(T);
            assertThat(after.refreshExpiresAt()).contains(T.plus(Duration.ofDays(90)));
            assertThat(after.scope()).isEqualTo("accounts=ro offline");
        }

        @Test
        void theRenewalOfTheRefreshTokenIsDueAtItsIssuePlusTheRenewalAge() {
            assertThat(issued("a1", "r1", Duration.ofHours(1)).refreshRenewalDueAt(Duration.ofDays(30)))
                    .contains(T.plus(Duration.ofDays(30)));
        }

        @Test
        void droppingTheRefreshTokenDropsItsTimes() {
            TokenPair dropped = issued("a1", "r1", Duration.ofHours(1)).withoutRefreshToken();

            assertThat(dropped.refreshToken()).isEmpty();
            assertThat(dropped.refreshIssuedAt()).isEmpty();
            assertThat(dropped.refreshExpiresAt()).isEmpty();
            assertThat(dropped.accessToken()).isEqualTo(new AccessToken("a1"));
        }
    }

    @Nested
    class Invariants {
        @Test
        void aRefreshTokenWithoutItsTimesIsRejected() {
            assertThatThrownBy(() -> new TokenPair(new AccessToken("a1"), Optional.of(new RefreshToken("r1")), "Bearer", "",
                    T, T.plusSeconds(60), Optional.empty(), Optional.empty()))
                    .isInstanceOf(InvalidValueException.class);
        }

        @Test
        void anAccessTokenExpiringBeforeItsIssueIsRejected() {
            assertThatThrownBy(() -> new TokenPair(new AccessToken("a1"), Optional.empty(), "Bearer", "",
                    T, T.minusSeconds(1), Optional.empty(), Optional.empty()))
                    .isInstanceOf(InvalidValueException.class);
        }
    }

    @Test
    void aTokenPairPrintsNoTokenText() {
        TokenPair pair = issued("access-secret-text", "refresh-secret-text", Duration.ofHours(1));

        assertThat(pair.toString()).doesNotContain("access-secret-text").doesNotContain("refresh-secret-text").contains("***");
    }
}
