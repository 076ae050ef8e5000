package io.consentgateway.application.port.out;

import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.shared.Require;
import io.consentgateway.domain.shared.UserId;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Something that happened to a flow, a consent or its data, as the fintech hears it (a webhook): who, what, when, and
 * the new status. Never a token, a code, an account number or a transaction: a receiver that needs the data reads it
 * through the API.
 *
 * @param id         the event's id, the {@code webhook-id} of every delivery and retry of it
 * @param consentId  the consent it concerns (absent for a flow that failed before granting one)
 * @param flowId     the flow it concerns (flow events only)
 * @param status     the flow's or the consent's new status
 * @param reason     why a flow failed, or why a consent requires re-authorization (a code, never a provider's text)
 */
public record GatewayEvent(UUID id, EventType type, Instant occurredAt, UserId userId, ProviderId provider,
                           Optional<ConsentId> consentId, Optional<FlowId> flowId, String status, Optional<String> reason) {
    public GatewayEvent {
        Require.nonNull(id, "event id");
        Require.nonNull(type, "event type");
        Require.nonNull(occurredAt, "event time");
        Require.nonNull(userId, "user id");
        Require.nonNull(provider, "provider");
        Require.nonNull(status, "status");
        Require.optionals("event", consentId, flowId, reason);
    }
}
