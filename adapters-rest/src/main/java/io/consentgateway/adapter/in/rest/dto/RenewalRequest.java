package io.consentgateway.adapter.in.rest.dto;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/consents/{id}/renewal}: optional, an empty body means the defaults. */
@Schema(name = "RenewalRequest", example = "{\"language\":\"en\",\"returnTo\":\"http://localhost:9080/\"}")
public class RenewalRequest {
    private static final Jsonb JSON = JsonbBuilder.create();

    @Schema(description = "Widget language (default de)")
    public String language;
    @Schema(description = "Where the browser returns after the callback; must be on the allow-list")
    public String returnTo;

    /**
     * Reads the optional body. JAX-RS refuses an empty body for a JSON entity parameter, so the resource takes the
     * text and this parses it; malformed JSON surfaces as a {@code JsonbException} (a 400 problem).
     */
    public static RenewalRequest parse(String body) {
        if (body == null || body.isBlank()) {
            return new RenewalRequest();
        }
        RenewalRequest request = JSON.fromJson(body, RenewalRequest.class);
        return request == null ? new RenewalRequest() : request;
    }
}
