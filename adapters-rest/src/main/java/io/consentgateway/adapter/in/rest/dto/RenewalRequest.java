package io.consentgateway.adapter.in.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/consents/{id}/renewal}: optional, an empty body means the defaults. */
@Schema(name = "RenewalRequest", additionalProperties = Schema.False.class, example = "{\"language\":\"en\",\"returnTo\":\"http://localhost:9080/\"}")
public class RenewalRequest {
    @Schema(description = "Widget language (default de)")
    public String language;
    @Schema(description = "Where the browser returns after the callback; must be on the allow-list")
    public String returnTo;
    @Schema(description = "How the renewal flow completes: REDIRECT or CONFIRM (see POST /api/v1/flows); default: the "
            + "gateway's setting, which a request may strengthen but not weaken", enumeration = {"REDIRECT", "CONFIRM"})
    public String completion;

    /**
     * Reads the optional body (JAX-RS refuses an empty body for a JSON entity parameter, so the resource takes the
     * text): empty is the defaults, a value of the wrong type is named by its field.
     */
    public static RenewalRequest parse(String text) {
        JsonBody body = JsonBody.parse(text);
        RenewalRequest request = new RenewalRequest();
        request.language = body.text("language");
        request.returnTo = body.text("returnTo");
        request.completion = body.text("completion");
        body.throwIfAny();
        return request;
    }
}
