package io.consentgateway.adapter.in.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many waiting deliveries were made due now; the dispatcher sends them at its pace, a few at a time per endpoint. */
@Schema(name = "Redelivery", example = "{\"redelivered\":42}")
public record RedeliveryResponse(int redelivered) {
}
