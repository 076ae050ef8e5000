package io.consentgateway.adapter.in.rest.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is stable per kind of error (clients switch on it); {@code detail}
 * is for people. Extension members: {@code errors} (each bad field), the {@code consentStatus} and the
 * {@code nextAction} the user should take. Never a stack trace, a token or a code.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details; type is stable per kind of error.",
        example = "{\"type\":\"https://consent-gateway.io/problems/invalid-input\","
                + "\"title\":\"The request has invalid fields\",\"status\":400,"
                + "\"detail\":\"See errors for each invalid field.\",\"errors\":[{\"field\":\"accounts[0]\","
                + "\"message\":\"IBAN check digits are wrong (ISO 13616 mod-97)\"}]}")
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "errors", "consentStatus", "nextAction", "retryAfterSeconds"})
public record Problem(String type, String title, int status, String detail, String instance, List<FieldProblem> errors,
                      String consentStatus, String nextAction, Long retryAfterSeconds) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);
    static final String BASE = "https://consent-gateway.io/problems/";

    /** One bad field: its name as sent (e.g. {@code accounts[0]}) and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(BASE + slug, title, status, detail, null, null, null, null, null);
    }

    public Problem withErrors(List<FieldProblem> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors, consentStatus, nextAction, retryAfterSeconds);
    }

    public Problem withConsent(String status, String action) {
        return new Problem(type, title, this.status, detail, instance, errors, status, action, retryAfterSeconds);
    }

    public Problem withRetryAfter(Long seconds) {
        return new Problem(type, title, status, detail, instance, errors, consentStatus, nextAction, seconds);
    }

    public Response toResponse() {
        Response.ResponseBuilder builder = Response.status(status).type(MEDIA).entity(this);
        if (retryAfterSeconds != null) {
            builder.header("Retry-After", retryAfterSeconds);
        }
        if (status == 401) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }
}
