package io.consentgateway.domain.token;

import io.consentgateway.domain.shared.InvalidValueException;
import io.consentgateway.domain.shared.Require;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a provider's token endpoint answered, provider-neutral and not yet anchored in time.
 * {@link TokenPair#issue} turns it into a pair with expiry instants.
 *
 * @param expiresIn        the access token's lifetime ({@code expires_in}), when the provider says
 * @param consentExpiresIn how long the user's consent at the provider still runs, when the provider says (a bank's
 *                         consent validity); the consent ends then however often it is refreshed
 */
public record IssuedTokens(
        AccessToken accessToken,
        Optional<RefreshToken> refreshToken,
        String tokenType,
        String scope,
        Optional<Duration> expiresIn,
        Optional<Duration> consentExpiresIn) {

    public IssuedTokens {
        Require.nonNull(accessToken, "access token");
        Require.optionals("issued tokens", refreshToken, expiresIn, consentExpiresIn);
        tokenType = tokenType == null || tokenType.isBlank() ? "Bearer" : tokenType;
        scope = scope == null ? "" : scope;
        if (expiresIn.isPresent() && (expiresIn.get().isNegative() || expiresIn.get().isZero())) {
            throw new InvalidValueException("expires_in must be positive");
        }
        if (consentExpiresIn.isPresent() && consentExpiresIn.get().isNegative()) {
            throw new InvalidValueException("the consent's remaining validity must not be negative");
        }
    }

    /** Tokens from a provider that does not report its consent's end. */
    public IssuedTokens(AccessToken accessToken, Optional<RefreshToken> refreshToken, String tokenType, String scope,
                        Optional<Duration> expiresIn) {
        this(accessToken, refreshToken, tokenType, scope, expiresIn, Optional.empty());
    }

    /** The same answer with the provider's consent end attached. */
    public IssuedTokens withConsentExpiresIn(Duration remaining) {
        return new IssuedTokens(accessToken, refreshToken, tokenType, scope, expiresIn, Optional.of(remaining));
    }

    /** When the provider's consent ends, anchored at the instant the answer was received. */
    public Optional<Instant> consentEndsAt(Instant receivedAt) {
        return consentExpiresIn.map(receivedAt::plus);
    }

    public static IssuedTokens of(String access, String refresh, Duration expiresIn, String scope) {
        return new IssuedTokens(new AccessToken(access),
                Optional.ofNullable(refresh).map(RefreshToken::new), "Bearer", scope, Optional.ofNullable(expiresIn));
    }
}
