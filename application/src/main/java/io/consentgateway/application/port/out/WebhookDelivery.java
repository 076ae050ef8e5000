package io.consentgateway.application.port.out;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One event on its way to one endpoint, as the outbox keeps it.
 *
 * @param attempts      how many times it was sent so far
 * @param nextAttemptAt when it is due next (a pending delivery)
 * @param lastError     what went wrong the last time (a status code or a transport failure; never the receiver's body)
 */
public record WebhookDelivery(UUID id, String endpoint, GatewayEvent event, DeliveryStatus status, int attempts,
                              Optional<Instant> nextAttemptAt, Optional<Instant> lastAttemptAt, Optional<String> lastError,
                              Optional<Instant> deliveredAt) {
}
