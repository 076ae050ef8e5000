package io.consentgateway.domain.token;

import io.consentgateway.domain.policy.ConsentPolicy;
import io.consentgateway.domain.shared.InvalidValueException;
import io.consentgateway.domain.shared.Require;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An access token with its optional refresh token, anchored in time.
 * <ul>
 *   <li>access expiry = issue time + {@code expires_in} (or the policy's default);</li>
 *   <li>refresh expiry = the refresh token's issue time + the policy's refresh lifetime;</li>
 *   <li>"needs refresh" = now &ge; access expiry &minus; skew;</li>
 *   <li>a refresh replaces both tokens; when the response has no refresh token the old one, with its
 *       issue and expiry times, is kept.</li>
 * </ul>
 * Its {@code toString()} prints the tokens as {@code ***}.
 */
public record TokenPair(
        AccessToken accessToken,
        Optional<RefreshToken> refreshToken,
        String tokenType,
        String scope,
        Instant issuedAt,
        Instant accessExpiresAt,
        Optional<Instant> refreshIssuedAt,
        Optional<Instant> refreshExpiresAt) {

    public TokenPair {
        Require.nonNull(accessToken, "access token");
        Require.optionals("token pair", refreshToken, refreshIssuedAt, refreshExpiresAt);
        Require.nonNull(tokenType, "token type");
        Require.nonNull(scope, "scope");
        Require.nonNull(issuedAt, "issued at");
        Require.nonNull(accessExpiresAt, "access expires at");
        if (refreshToken.isPresent() != refreshIssuedAt.isPresent()
                || refreshToken.isPresent() != refreshExpiresAt.isPresent()) {
            throw new InvalidValueException("a refresh token comes with its issue and expiry times, and only then");
        }
        if (accessExpiresAt.isBefore(issuedAt)) {
            throw new InvalidValueException("access token cannot expire before it is issued");
        }
    }

    /** Anchors a token response in time. */
    public static TokenPair issue(IssuedTokens tokens, Instant at, ConsentPolicy policy) {
        Instant accessExpiry = at.plus(tokens.expiresIn().orElse(policy.defaultAccessLifetime()));
        Optional<Instant> refreshIssued = tokens.refreshToken().map(t -> at);
        Optional<Instant> refreshExpiry = tokens.refreshToken().map(t -> at.plus(policy.refreshTokenLifetime()));
        return new TokenPair(tokens.accessToken(), tokens.refreshToken(), tokens.tokenType(), tokens.scope(), at,
                accessExpiry, refreshIssued, refreshExpiry);
    }

    /** The pair after a refresh: both tokens replaced, or the old refresh token kept when none came back. */
    public TokenPair refreshedWith(IssuedTokens tokens, Instant at, ConsentPolicy policy) {
        TokenPair fresh = issue(tokens, at, policy);
        if (fresh.refreshToken().isPresent()) {
            return fresh;
        }
        return new TokenPair(fresh.accessToken, refreshToken, fresh.tokenType, fresh.scope.isEmpty() ? scope : fresh.scope,
                at, fresh.accessExpiresAt, refreshIssuedAt, refreshExpiresAt);
    }

    /** The same pair with its refresh token dropped (one-time access must never keep one). */
    public TokenPair withoutRefreshToken() {
        return new TokenPair(accessToken, Optional.empty(), tokenType, scope, issuedAt, accessExpiresAt,
                Optional.empty(), Optional.empty());
    }

    public boolean needsRefreshAt(Instant now, Duration skew) {
        return !now.isBefore(accessExpiresAt.minus(skew));
    }

    public boolean refreshTokenExpiredAt(Instant now) {
        return refreshExpiresAt.map(expiry -> !now.isBefore(expiry)).orElse(true);
    }

    /** The instant the scheduler should renew the refresh token, if there is one. */
    public Optional<Instant> refreshRenewalDueAt(Duration renewalAge) {
        return refreshIssuedAt.map(issued -> issued.plus(renewalAge));
    }
}
