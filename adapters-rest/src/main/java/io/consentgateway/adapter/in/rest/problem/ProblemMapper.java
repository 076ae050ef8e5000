package io.consentgateway.adapter.in.rest.problem;

import io.consentgateway.adapter.in.rest.dto.JsonBody;
import io.consentgateway.adapter.in.rest.security.RequestHeaderCheck;
import io.consentgateway.adapter.in.rest.security.RequestSizeLimit;
import io.consentgateway.adapter.kit.LoggedFailure;
import io.consentgateway.application.port.in.ChangedMeanwhile;
import io.consentgateway.application.port.in.FieldError;
import io.consentgateway.application.port.in.FlowNotAwaitingConfirmation;
import io.consentgateway.application.port.in.GatewayUnavailable;
import io.consentgateway.application.port.in.InvalidCallback;
import io.consentgateway.application.port.in.InvalidInput;
import io.consentgateway.application.port.in.NotFound;
import io.consentgateway.application.port.in.ProviderDown;
import io.consentgateway.application.port.in.ProviderRefused;
import io.consentgateway.application.port.in.ProviderRefusesGateway;
import io.consentgateway.application.port.in.TryAgainLater;
import io.consentgateway.application.port.in.TooManyWaitingFlows;
import io.consentgateway.application.port.in.WrongConsentKind;
import io.consentgateway.domain.consent.ConsentNotUsable;
import io.consentgateway.domain.consent.ConsentStatus;
import io.consentgateway.domain.consent.NextAction;
import io.consentgateway.domain.shared.DomainRuleViolation;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every exception that leaves a resource becomes an RFC 9457 problem: one table, in one place, so the API's
 * error contract can be read top to bottom. Bad input is always a 4xx naming what was wrong (the use cases parse
 * input into {@code InvalidInput}); anything else — an {@code IllegalArgumentException} from deep inside included —
 * is our fault: a 500 with an error id that is logged beside the stack trace, which the body never shows (the log gets
 * a {@link LoggedFailure}: the stack trace with every message cleared of what may be a secret).
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    /** The request's headers, which the JAX-RS runtime injects: for the 401's challenge. */
    @Context
    private HttpHeaders request;

    @Override
    public Response toResponse(Throwable exception) {
        return toResponse(exception, request != null && request.getHeaderString(HttpHeaders.AUTHORIZATION) != null);
    }

    /**
     * The problem as the response. A 401 to a request that came with a bearer token says the token was refused
     * ({@code WWW-Authenticate: Bearer error="invalid_token"}, RFC 6750 §3.1: expired, not signed by the configured
     * issuer, or naming no user), so that a client knows to get a new token rather than that it forgot to send one.
     */
    static Response toResponse(Throwable exception, boolean tokenCame) {
        Response response = toProblem(exception).toResponse();
        if (response.getStatus() != 401 || !tokenCame) {
            return response;
        }
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, null)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"").build();
    }

    /** An error list is cut here: a body of a thousand bad items does not earn a thousand-line answer. */
    static final int MAX_LISTED_ERRORS = 50;

    /** The problem for {@code e}, as {@link #toResponse} answers it (an unexpected one logged with its error id). */
    public static Problem toProblem(Throwable e) {
        // A body past the size limit may surface wrapped by the JAX-RS runtime's reader.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimit.PayloadTooLarge tooLarge && t != e) {
                return toProblem(tooLarge);
            }
        }
        if (e instanceof InvalidInput invalid) {
            int all = invalid.errors().size();
            return Problem.of("invalid-input", "The request has invalid fields", 400, all <= MAX_LISTED_ERRORS
                            ? "See errors for each invalid field."
                            : "See errors for the first " + MAX_LISTED_ERRORS + " of " + all + " invalid fields.")
                    .withErrors(fieldProblems(invalid.errors().stream().limit(MAX_LISTED_ERRORS).toList()));
        }
        if (e instanceof RequestSizeLimit.PayloadTooLarge tooLarge) {
            return Problem.of("payload-too-large", "Request body too large", 413, tooLarge.getMessage());
        }
        if (e instanceof RequestHeaderCheck.MalformedHeader malformed) {
            return Problem.of("malformed-request", "Malformed request", 400, malformed.getMessage());
        }
        if (e instanceof RequestHeaderCheck.UnknownCharset unknown) {
            return Problem.of("unsupported-media-type", "Unsupported media type", 415, unknown.getMessage());
        }
        if (e instanceof JsonBody.MalformedBody malformed) {
            return Problem.of("malformed-request", "Malformed request", 400, malformed.getMessage());
        }
        if (e instanceof NotFound notFound) {
            return Problem.of("not-found", "Not found", 404, notFound.getMessage());
        }
        if (e instanceof InvalidCallback) {
            return Problem.of("invalid-callback", "Callback refused", 400,
                    "The callback does not belong to any flow in progress. Nothing was changed; start a new flow.");
        }
        if (e instanceof ConsentNotUsable notUsable) {
            return consentNotUsable(notUsable.status(), notUsable.nextAction());
        }
        if (e instanceof FlowNotAwaitingConfirmation notAwaiting) {
            return Problem.of("flow-not-awaiting-confirmation", "Nothing to confirm", 409, notAwaiting.getMessage());
        }
        if (e instanceof TooManyWaitingFlows tooMany) {
            return Problem.of("too-many-flows", "Too many flows waiting", 429, "At most " + tooMany.max()
                    + " flows may wait for you at once. Finish one at its provider, or wait until one lapses (Retry-After "
                    + "says when the first does); nothing was started.")
                    .withRetryAfter(retryAfterSeconds(tooMany.retryAfter()));
        }
        if (e instanceof WrongConsentKind wrongKind) {
            return Problem.of("wrong-consent-kind", "Not available for this consent", 409, wrongKind.getMessage());
        }
        if (e instanceof ChangedMeanwhile) {
            return Problem.of("concurrent-update", "Changed meanwhile", 409,
                    "The resource was changed by another request at the same time. Nothing was overwritten; try again.");
        }
        if (e instanceof DomainRuleViolation rule) {
            return Problem.of("rule-violation", "Not allowed now", 409, rule.getMessage());
        }
        if (e instanceof ProviderRefused refused) {
            return Problem.of("provider-rejected", "The provider refused the request", 422,
                    "The provider refused the request; see errors.").withErrors(fieldProblems(refused.errors()));
        }
        if (e instanceof TryAgainLater later) {
            return Problem.of("try-again-later", "Busy: try the same request again", 503,
                    "The provider could not be asked right now. Nothing was done and nothing is lost: send the same request "
                            + "again after the time in Retry-After.")
                    .withRetryAfter(retryAfterSeconds(later.retryAfter()));
        }
        if (e instanceof GatewayUnavailable unavailable) {
            return Problem.of("service-unavailable", "Temporarily unavailable", 503,
                    "The gateway cannot reach its database right now. Nothing this request would have changed was stored; "
                            + "send it again after the time in Retry-After.")
                    .withRetryAfter(retryAfterSeconds(unavailable.retryAfter()));
        }
        if (e instanceof ProviderRefusesGateway) {
            return Problem.of("provider-misconfigured", "The provider refuses this gateway", 503,
                    "The provider refused this gateway's own credentials or configuration. Nothing about your consent changed; "
                            + "the operators are told. Try again later.");
        }
        if (e instanceof ProviderDown down) {
            return Problem.of("provider-unavailable", "The provider is unavailable", 503,
                    "The provider did not answer in time or is overloaded. Try again later.")
                    .withRetryAfter(down.retryAfter().map(ProblemMapper::retryAfterSeconds).orElse(5L));
        }
        if (e instanceof WebApplicationException web) {
            return fromStatus(web.getResponse().getStatus());
        }
        if (e instanceof JsonbException || e instanceof ProcessingException) {
            return Problem.of("malformed-request", "Malformed request", 400, "The request body is not valid JSON of the expected shape.");
        }
        String errorId = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error " + errorId, LoggedFailure.of(e));
        return Problem.of("internal-error", "Internal error", 500,
                "An unexpected error occurred. It was logged with id " + errorId + ".");
    }

    /** Whole seconds for {@code Retry-After}, rounded up (never sooner than asked) and at least 1. */
    public static long retryAfterSeconds(java.time.Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    private static List<Problem.FieldProblem> fieldProblems(List<FieldError> errors) {
        return errors.stream().map(error -> new Problem.FieldProblem(error.field(), error.message())).toList();
    }

    static Problem consentNotUsable(ConsentStatus status, NextAction nextAction) {
        String detail = switch (nextAction) {
            case RENEW -> "The consent is " + status + ". Renew it: POST /api/v1/consents/{id}/renewal.";
            case CONNECT_AGAIN -> "The consent is " + status + ". Start a new flow: POST /api/v1/flows.";
            case NONE -> "The consent is " + status + ".";
        };
        return Problem.of("consent-not-usable", "Consent not usable", 409, detail).withConsent(status.name(), nextAction.name());
    }

    /** The problem for a bare HTTP status, with no exception to explain it. */
    public static Problem fromStatus(int status) {
        return switch (status) {
            case 400 -> Problem.of("malformed-request", "Malformed request", 400, "The request could not be read.");
            case 401 -> Problem.of("unauthorized", "Authentication required", 401, "Send a valid bearer token.");
            case 403 -> Problem.of("forbidden", "Forbidden", 403, "Not allowed.");
            case 404 -> Problem.of("not-found", "Not found", 404, "No such resource.");
            case 405 -> Problem.of("method-not-allowed", "Method not allowed", 405, "This resource does not support that method.");
            case 406 -> Problem.of("not-acceptable", "Not acceptable", 406, "This resource answers application/json.");
            case 415 -> Problem.of("unsupported-media-type", "Unsupported media type", 415, "Send application/json.");
            default -> Problem.of(status >= 500 ? "internal-error" : "request-refused",
                    status >= 500 ? "Internal error" : "Request refused", status, "The request could not be served.");
        };
    }
}
