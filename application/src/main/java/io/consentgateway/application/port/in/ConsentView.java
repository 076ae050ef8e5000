package io.consentgateway.application.port.in;

import io.consentgateway.domain.consent.ConsentStatus;
import io.consentgateway.domain.consent.NextAction;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.ProviderId;

import java.time.Instant;
import java.util.Optional;

/** What a user may see of a consent: never a token. */
public record ConsentView(ConsentId id, ProviderId provider, FlowKind kind, ConsentStatus status, NextAction nextAction,
                          Instant grantedAt, Instant expiresAt, Instant lastUserActivityAt,
                          Optional<Instant> lastRefreshedAt) {
}
