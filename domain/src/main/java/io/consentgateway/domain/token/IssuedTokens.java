package io.consentgateway.domain.token;

import io.consentgateway.domain.shared.InvalidValueException;
import io.consentgateway.domain.shared.Require;

import java.time.Duration;
import java.util.Optional;

/**
 * What a provider's token endpoint answered, provider-neutral and not yet anchored in time.
 * {@link TokenPair#issue} turns it into a pair with expiry instants.
 */
public record IssuedTokens(
        AccessToken accessToken,
        Optional<RefreshToken> refreshToken,
        String tokenType,
        String scope,
        Optional<Duration> expiresIn) {

    public IssuedTokens {
        Require.nonNull(accessToken, "access token");
        Require.nonNull(refreshToken, "refresh token (optional)");
        Require.nonNull(expiresIn, "expires in (optional)");
        tokenType = tokenType == null || tokenType.isBlank() ? "Bearer" : tokenType;
        scope = scope == null ? "" : scope;
        if (expiresIn.isPresent() && (expiresIn.get().isNegative() || expiresIn.get().isZero())) {
            throw new InvalidValueException("expires_in must be positive");
        }
    }

    public static IssuedTokens of(String access, String refresh, Duration expiresIn, String scope) {
        return new IssuedTokens(new AccessToken(access),
                Optional.ofNullable(refresh).map(RefreshToken::new), "Bearer", scope, Optional.ofNullable(expiresIn));
    }
}
