package io.consentgateway.adapter.in.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/consents/{id}/renewal} (optional). */
@Schema(name = "RenewalRequest", example = "{\"language\":\"en\",\"returnTo\":\"http://localhost:9080/\"}")
public class RenewalRequest {
    @Schema(description = "Widget language (default de)")
    public String language;
    @Schema(description = "Where the browser returns after the callback; must be on the allow-list")
    public String returnTo;
}
