package io.consentgateway.application.port.in;

import io.consentgateway.domain.consent.ConsentKind;
import io.consentgateway.domain.consent.ConsentStatus;
import io.consentgateway.domain.consent.NextAction;
import io.consentgateway.domain.consent.ReauthorizationReason;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.ProviderId;

import java.time.Instant;
import java.util.Optional;

/**
 * What a user may see of a consent: never a token.
 *
 * @param reason              why re-authorization is required, when {@code status} is {@code REAUTH_REQUIRED}
 * @param refreshInDoubtSince since when a refresh whose answer never came is being settled, if one is
 * @param data                what the gateway keeps of the consent's data
 */
public record ConsentView(ConsentId id, ProviderId provider, ConsentKind kind, ConsentStatus status, NextAction nextAction,
                          Instant grantedAt, Instant expiresAt, Instant lastUserActivityAt,
                          Optional<Instant> lastRefreshedAt, Optional<ReauthorizationReason> reason,
                          Optional<Instant> refreshInDoubtSince, DataView data) {

    /**
     * The consent's stored data.
     *
     * @param syncedAt               when it was last read from the provider; empty before the first sync
     * @param retainedUntil          when it is deleted, where an end is set (a one-time snapshot, an ended consent)
     * @param backgroundSyncsUsed    syncs made without the user in the last 24 hours (the PSD2 access budget)
     * @param backgroundSyncsAllowed the budget: at most this many in 24 hours
     */
    public record DataView(Optional<Instant> syncedAt, Optional<Instant> retainedUntil, int backgroundSyncsUsed,
                           int backgroundSyncsAllowed) {
    }
}
