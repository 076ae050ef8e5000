package io.consentgateway.application.port.in;

import io.consentgateway.domain.flow.FlowId;

import java.net.URI;
import java.time.Instant;

/** A started flow: send the user to {@code widgetUrl} before {@code expiresAt}. */
public record FlowStarted(FlowId flowId, URI widgetUrl, Instant expiresAt) {
}
