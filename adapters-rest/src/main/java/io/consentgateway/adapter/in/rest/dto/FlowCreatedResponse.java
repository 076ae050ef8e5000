package io.consentgateway.adapter.in.rest.dto;

import io.consentgateway.application.port.in.FlowStarted;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A started flow: send the user's browser to {@code widgetUrl} before {@code expiresAt}. */
@Schema(name = "FlowCreated", example = "{\"flowId\":\"5b7c0c1e-8a52-4a39-9d0f-6f1d1b2b3c4d\","
        + "\"widgetUrl\":\"http://localhost:9080/sandbox/nrich/widget/3ca31c37-986a-454e-ad64-8e97143c86bc\","
        + "\"expiresAt\":\"2026-11-22T11:00:00Z\"}")
public record FlowCreatedResponse(String flowId, String widgetUrl, String expiresAt) {
    public static FlowCreatedResponse of(FlowStarted started) {
        return new FlowCreatedResponse(started.flowId().toString(), started.widgetUrl().toString(), started.expiresAt().toString());
    }
}
