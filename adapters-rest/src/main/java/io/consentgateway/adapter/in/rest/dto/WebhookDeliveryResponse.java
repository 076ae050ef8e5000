package io.consentgateway.adapter.in.rest.dto;

import io.consentgateway.application.port.in.WebhookDeliveryView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A webhook delivery, for an operator: which event to which endpoint, how often tried, what went wrong last. */
@Schema(name = "WebhookDelivery", example = "{\"id\":\"9a1c…\",\"eventId\":\"3f2b…\",\"eventType\":\"consent.revoked\","
        + "\"occurredAt\":\"2026-11-22T10:00:00Z\",\"endpoint\":\"fintech\",\"status\":\"failed\",\"attempts\":8,"
        + "\"lastAttemptAt\":\"2026-11-23T13:41:02Z\",\"lastError\":\"HTTP 503\",\"userId\":\"anna\","
        + "\"consentId\":\"0f8e…\"}")
public record WebhookDeliveryResponse(String id, String eventId, String eventType, String occurredAt, String endpoint,
                                      @Schema(enumeration = {"pending", "delivered", "failed"}) String status,
                                      int attempts, String nextAttemptAt, String lastAttemptAt, String lastError,
                                      String deliveredAt, String userId, String consentId, String flowId) {
    public static WebhookDeliveryResponse of(WebhookDeliveryView d) {
        return new WebhookDeliveryResponse(d.id().toString(), d.eventId().toString(), d.eventType(),
                d.occurredAt().toString(), d.endpoint(), d.status(), d.attempts(),
                d.nextAttemptAt().map(Instant::toString).orElse(null), d.lastAttemptAt().map(Instant::toString).orElse(null),
                d.lastError().orElse(null), d.deliveredAt().map(Instant::toString).orElse(null), d.userId(),
                d.consentId().map(UUID::toString).orElse(null), d.flowId().map(UUID::toString).orElse(null));
    }
}
