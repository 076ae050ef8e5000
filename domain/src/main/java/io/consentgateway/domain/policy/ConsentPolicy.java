package io.consentgateway.domain.policy;

import io.consentgateway.domain.shared.InvalidValueException;
import io.consentgateway.domain.shared.Require;

import java.time.Duration;

/**
 * The lifetimes that govern flows, codes, tokens and consents for one provider. Data, not constants:
 * every value is configurable, and {@link #defaults()} holds the usual lifetimes of an OAuth 2.0 / PSD2
 * access (which the deployment's configuration overrides per provider).
 *
 * @param flowLifetime           how long a started flow waits for the user before it expires (1 h)
 * @param codeLifetime           an authorization code's validity from receipt (1 h)
 * @param defaultAccessLifetime  access token lifetime when the provider sends no {@code expires_in} (1 h)
 * @param refreshTokenLifetime   a refresh token's validity from issue (90 d)
 * @param inactivityLimit        an ongoing consent lapses this long after the user's last activity (90 d)
 * @param oneTimeLifetime        one-time and income-report data stay readable this long after grant (1 h)
 * @param refreshRenewalAge      the scheduler renews a refresh token older than this (30 d)
 * @param expiryWarning          an ongoing consent is {@code EXPIRING_SOON} this long before it ends (14 d)
 * @param accessTokenSkew        an access token "needs refresh" this long before it expires (60 s)
 * @param exchangeTimeout        a code exchange that has not ended this long after it began was interrupted (its node
 *                               died): the flow fails as {@code EXCHANGE_INTERRUPTED}; longer than the longest exchange,
 *                               waiting included (2 min)
 * @param settleInDoubtAfter     a refresh that reached the provider without an answer is tried once more this long
 *                               after, to settle whether the refresh token was spent: long enough for a provider's
 *                               hiccup to pass and for a scheduler run still going not to replay at once, short enough
 *                               for the next run to settle it (30 s)
 */
public record ConsentPolicy(
        Duration flowLifetime,
        Duration codeLifetime,
        Duration defaultAccessLifetime,
        Duration refreshTokenLifetime,
        Duration inactivityLimit,
        Duration oneTimeLifetime,
        Duration refreshRenewalAge,
        Duration expiryWarning,
        Duration accessTokenSkew,
        Duration exchangeTimeout,
        Duration settleInDoubtAfter) {

    public ConsentPolicy {
        positive(flowLifetime, "flow lifetime");
        positive(codeLifetime, "code lifetime");
        positive(defaultAccessLifetime, "default access token lifetime");
        positive(refreshTokenLifetime, "refresh token lifetime");
        positive(inactivityLimit, "inactivity limit");
        positive(oneTimeLifetime, "one-time lifetime");
        positive(refreshRenewalAge, "refresh renewal age");
        positive(exchangeTimeout, "exchange timeout");
        positive(settleInDoubtAfter, "settle in doubt after");
        Require.nonNull(expiryWarning, "expiry warning");
        Require.nonNull(accessTokenSkew, "access token skew");
        if (expiryWarning.isNegative() || accessTokenSkew.isNegative()) {
            throw new InvalidValueException("expiry warning and access token skew must not be negative");
        }
        if (refreshRenewalAge.compareTo(refreshTokenLifetime) >= 0) {
            throw new InvalidValueException("refresh renewal age must be shorter than the refresh token lifetime");
        }
    }

    public static ConsentPolicy defaults() {
        return new ConsentPolicy(
                Duration.ofHours(1),
                Duration.ofHours(1),
                Duration.ofHours(1),
                Duration.ofDays(90),
                Duration.ofDays(90),
                Duration.ofHours(1),
                Duration.ofDays(30),
                Duration.ofDays(14),
                Duration.ofSeconds(60),
                Duration.ofMinutes(2),
                Duration.ofSeconds(30));
    }

    public ConsentPolicy withFlowLifetime(Duration value) {
        return new ConsentPolicy(value, codeLifetime, defaultAccessLifetime, refreshTokenLifetime, inactivityLimit,
                oneTimeLifetime, refreshRenewalAge, expiryWarning, accessTokenSkew, exchangeTimeout, settleInDoubtAfter);
    }

    public ConsentPolicy withCodeLifetime(Duration value) {
        return new ConsentPolicy(flowLifetime, value, defaultAccessLifetime, refreshTokenLifetime, inactivityLimit,
                oneTimeLifetime, refreshRenewalAge, expiryWarning, accessTokenSkew, exchangeTimeout, settleInDoubtAfter);
    }

    public ConsentPolicy withExchangeTimeout(Duration value) {
        return new ConsentPolicy(flowLifetime, codeLifetime, defaultAccessLifetime, refreshTokenLifetime, inactivityLimit,
                oneTimeLifetime, refreshRenewalAge, expiryWarning, accessTokenSkew, value, settleInDoubtAfter);
    }

    private static void positive(Duration d, String name) {
        Require.nonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new InvalidValueException(name + " must be positive");
        }
    }
}
