package io.consentgateway.application.port.in;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A webhook delivery as an operator sees it: which event to which endpoint, how often tried, what went wrong. */
public record WebhookDeliveryView(UUID id, UUID eventId, String eventType, Instant occurredAt, String endpoint,
                                  String status, int attempts, Optional<Instant> nextAttemptAt,
                                  Optional<Instant> lastAttemptAt, Optional<String> lastError,
                                  Optional<Instant> deliveredAt, String userId, Optional<UUID> consentId,
                                  Optional<UUID> flowId) {
}
