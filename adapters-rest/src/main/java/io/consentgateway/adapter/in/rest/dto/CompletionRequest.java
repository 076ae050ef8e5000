package io.consentgateway.adapter.in.rest.dto;

import io.consentgateway.application.port.in.InvalidInput;
import io.consentgateway.domain.flow.ConfirmationCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/flows/{id}/completion}. */
@Schema(name = "CompletionRequest", additionalProperties = Schema.False.class, example = "{\"confirmation\":\"q3Xr0c1m7Yk4V2f9n8PzL5wA6tB1sD0eHjKuMoQiRgE\"}")
public class CompletionRequest {
    /** Longer than any confirmation code this gateway hands out, short enough to refuse junk early. */
    static final int MAX_LENGTH = 256;

    @Schema(required = true, description = "The confirmation parameter of the callback's redirect to the front end")
    public String confirmation;

    /** Reads the body; {@code confirmation} must be present, text, and of a plausible length. */
    public static CompletionRequest parse(String text) {
        JsonBody body = JsonBody.parse(text);
        CompletionRequest request = new CompletionRequest();
        request.confirmation = body.text("confirmation");
        body.throwIfAny();
        if (request.confirmation == null || request.confirmation.isBlank()) {
            throw InvalidInput.of("confirmation", "is required: the confirmation parameter of the callback's redirect");
        }
        if (request.confirmation.length() > MAX_LENGTH) {
            throw InvalidInput.of("confirmation", "is not a confirmation code this gateway handed out");
        }
        return request;
    }

    public ConfirmationCode code() {
        return new ConfirmationCode(confirmation);
    }
}
