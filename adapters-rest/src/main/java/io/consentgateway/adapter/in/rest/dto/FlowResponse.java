package io.consentgateway.adapter.in.rest.dto;

import io.consentgateway.application.port.in.FlowView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.time.Instant;

/** A flow's status. */
@Schema(name = "Flow", example = "{\"id\":\"5b7c0c1e-8a52-4a39-9d0f-6f1d1b2b3c4d\",\"provider\":\"nrich\",\"kind\":\"ONGOING_ACCESS\","
        + "\"status\":\"COMPLETED\",\"createdAt\":\"2026-11-22T10:00:00Z\",\"expiresAt\":\"2026-11-22T11:00:00Z\","
        + "\"endedAt\":\"2026-11-22T10:02:10Z\",\"consentId\":\"0f8e4b8e-2d2c-4f7e-a1d2-9b0c3e4f5a6b\"}")
public record FlowResponse(String id, String provider, String kind,
                           @Schema(enumeration = {"AWAITING_USER", "AWAITING_CONFIRMATION", "EXCHANGING", "COMPLETED", "CANCELLED",
                                   "FAILED", "EXPIRED"}) String status,
                           String createdAt, String expiresAt, String endedAt, String consentId, String failure,
                           String widgetUrl) {
    public static FlowResponse of(FlowView flow) {
        return new FlowResponse(flow.id().toString(), flow.provider().value(), flow.kind().name(), flow.status().name(),
                flow.createdAt().toString(), flow.expiresAt().toString(), flow.endedAt().map(Instant::toString).orElse(null),
                flow.consentId().map(Object::toString).orElse(null), flow.failure().map(Enum::name).orElse(null),
                flow.widgetUrl().map(URI::toString).orElse(null));
    }
}
