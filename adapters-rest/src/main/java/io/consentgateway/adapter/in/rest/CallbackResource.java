package io.consentgateway.adapter.in.rest;

import io.consentgateway.adapter.in.rest.problem.ProblemMapper;
import io.consentgateway.application.port.in.CallbackCommand;
import io.consentgateway.application.port.in.CallbackOutcome;
import io.consentgateway.application.port.in.GatewayUnavailable;
import io.consentgateway.application.port.in.HandleCallback;
import io.consentgateway.application.port.in.TryAgainLater;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The providers' browser redirects. Public (the browser carries no bearer token here): the state is what
 * authenticates it. Each provider has its own redirect URI, {@code /callback/{provider}} (RFC 9700 §4.4: a callback
 * can then never be taken for another provider's), and the bare {@code /callback} belongs to the one provider
 * configured for it (redirect URIs registered before). Every query parameter is handed on unparsed: what they mean
 * is the flow's provider's business. Answers 303 to the front end with the flow id and the outcome only — never a
 * token or a code — and no referrer, no caching.
 */
@Path("/callback")
@ApplicationScoped
@Tag(name = "Callback", description = "Where the provider sends the user's browser back")
public class CallbackResource {
    private HandleCallback handleCallback;
    private CallbackSettings settings;

    protected CallbackResource() {
        // for CDI proxies
    }

    @Inject
    public CallbackResource(HandleCallback handleCallback, CallbackSettings settings) {
        this.handleCallback = handleCallback;
        this.settings = settings;
    }

    @GET
    @Operation(summary = "Callback of the provider configured for the bare path (cg.callback.bare-path-provider, nrich by default)",
            description = "As /callback/{provider}, for redirect URIs registered before each provider had its own.")
    @APIResponse(responseCode = "303", description = "Redirect to the front end with flow and outcome")
    @APIResponse(responseCode = "400", description = "Unknown or forged state, another flow's or another provider's callback; nothing changed "
            + "(a problem; an HTML page to a browser whose Accept prefers text/html, as every error of this endpoint)")
    @APIResponse(responseCode = "404", description = "No provider owns this callback endpoint; nothing changed")
    public Response callback(@Context UriInfo uri) {
        return handle(Optional.empty(), uri);
    }

    @GET
    @Path("/{provider}")
    @Operation(summary = "A provider's callback",
            description = "Validates the state, checks the callback came back at its flow's own provider (mix-up defence) and "
                    + "that the provider recognises it, exchanges the code, stores the consent, then redirects (303) to the flow's "
                    + "returnTo with ?flow=<id>&outcome=COMPLETED|CANCELLED|FAILED|EXPIRED|IN_PROGRESS (and &reason=... on failure). "
                    + "A flow that completes by confirmation is not exchanged here: outcome=CONFIRMATION_REQUIRED&confirmation=<code>, "
                    + "for the front end to send to POST /api/v1/flows/{id}/completion with the user's token. "
                    + "The other query parameters are the provider's: nrich sends success, code, abort (older: cancel) and flow_id; "
                    + "an OAuth bank sends code, or error (access_denied when the user declined).")
    @APIResponse(responseCode = "303", description = "Redirect to the front end with flow and outcome")
    @APIResponse(responseCode = "400", description = "Unknown or forged state, another flow's or another provider's callback; nothing changed "
            + "(a problem; an HTML page to a browser whose Accept prefers text/html, as every error of this endpoint)")
    @APIResponse(responseCode = "404", description = "No installed provider has this id; nothing changed")
    @APIResponse(responseCode = "503", description = "The provider could not take the code yet and nothing was spent: an HTML page "
            + "that repeats this callback after Retry-After seconds, when the flow completes")
    public Response providerCallback(@PathParam("provider") @Parameter(description = "the provider id, e.g. tatrabanka") String provider,
                                     @Context UriInfo uri) {
        return handle(Optional.of(provider), uri);
    }

    private Response handle(Optional<String> endpoint, UriInfo uri) {
        MultivaluedMap<String, String> query;
        try {
            query = uri.getQueryParameters();
        } catch (IllegalArgumentException e) {
            // A malformed percent escape (%ZZ). Not chained: the cause's message quotes the whole URI, code included.
            throw new BadRequestException();
        }
        CallbackOutcome outcome;
        try {
            outcome = handleCallback.handle(CallbackCommand.fromQuery(endpoint, query));
        } catch (TryAgainLater later) {
            return tryAgain(later.retryAfter());
        } catch (GatewayUnavailable unavailable) {
            return tryAgain(unavailable.retryAfter());
        }
        UriBuilder target = UriBuilder.fromUri(outcome.returnTo().orElse(settings.defaultReturnTo()))
                .replaceQueryParam("flow", outcome.flowId().toString())
                .replaceQueryParam("outcome", outcome.outcome().name())
                .replaceQueryParam("reason")
                .replaceQueryParam("confirmation");
        outcome.failure().ifPresent(failure -> target.replaceQueryParam("reason", failure.name().toLowerCase(Locale.ROOT)));
        outcome.confirmation().ifPresent(code -> target.replaceQueryParam("confirmation", code.reveal()));
        return Response.seeOther(target.build())
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store")
                .build();
    }

    /**
     * The provider could not take the code exchange yet, or the gateway's database was out of reach, and nothing was
     * spent: the browser, on a page of its own, repeats this very callback after a moment (a meta refresh: no script),
     * and the flow completes then.
     */
    private static Response tryAgain(Duration wait) {
        long seconds = ProblemMapper.retryAfterSeconds(wait);
        String page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"refresh\" content=\"" + seconds + "\"><title>Connecting…</title></head>"
                + "<body><p>Your bank connection is being completed. This page tries again in " + seconds
                + " seconds.</p></body></html>";
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .type("text/html; charset=utf-8")
                .header("Retry-After", seconds)
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store")
                .entity(page)
                .build();
    }
}
