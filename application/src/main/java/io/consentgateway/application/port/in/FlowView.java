package io.consentgateway.application.port.in;

import io.consentgateway.domain.flow.Flow;
import io.consentgateway.domain.flow.FlowFailure;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.FlowStatus;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.ProviderId;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/** What a user may see of a flow. */
public record FlowView(FlowId id, ProviderId provider, FlowKind kind, FlowStatus status, Instant createdAt,
                       Instant expiresAt, Optional<Instant> endedAt, Optional<ConsentId> consentId,
                       Optional<FlowFailure> failure, Optional<URI> widgetUrl) {

    public static FlowView of(Flow flow) {
        return new FlowView(flow.id(), flow.provider(), flow.kind(), flow.status(), flow.createdAt(), flow.expiresAt(),
                flow.endedAt(), flow.consentId(), flow.failure(),
                flow.isTerminal() ? Optional.empty() : Optional.of(flow.widgetUrl()));
    }
}
