package io.consentgateway.adapter.in.rest;

import io.consentgateway.application.port.in.CallbackCommand;
import io.consentgateway.application.port.in.CallbackOutcome;
import io.consentgateway.application.port.in.HandleCallback;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Locale;

/**
 * The provider's browser redirect. Public (the browser carries no bearer token here): the state is what
 * authenticates it. Accepts nrich's vocabulary ({@code success, code, abort} or the older {@code cancel},
 * {@code flow_id}) and OAuth's ({@code code} or {@code error=access_denied}). Answers 303 to the front end with
 * the flow id and the outcome only — never a token or a code — and no referrer, no caching.
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
    @Operation(summary = "Provider callback",
            description = "Validates the state (and flow_id), exchanges the code, stores the consent, then redirects (303) to "
                    + "the flow's returnTo with ?flow=<id>&outcome=COMPLETED|CANCELLED|FAILED|EXPIRED|IN_PROGRESS.")
    @APIResponse(responseCode = "303", description = "Redirect to the front end with flow and outcome")
    @APIResponse(responseCode = "400", description = "Unknown or forged state, or a flow_id of another flow; nothing changed")
    public Response callback(@QueryParam("state") @Parameter(description = "the state this gateway generated") String state,
                             @QueryParam("success") String success,
                             @QueryParam("code") @Parameter(description = "single-use authorization code") String code,
                             @QueryParam("abort") String abort,
                             @QueryParam("cancel") @Parameter(description = "older nrich name of abort") String cancel,
                             @QueryParam("flow_id") String flowId,
                             @QueryParam("error") @Parameter(description = "OAuth error, e.g. access_denied") String error) {
        CallbackOutcome outcome = handleCallback.handle(CallbackCommand.fromQuery(state, success, code, abort, cancel, flowId, error));
        UriBuilder target = UriBuilder.fromUri(outcome.returnTo().orElse(settings.defaultReturnTo()))
                .replaceQueryParam("flow", outcome.flowId().toString())
                .replaceQueryParam("outcome", outcome.outcome().name())
                .replaceQueryParam("reason");
        outcome.failure().ifPresent(failure -> target.replaceQueryParam("reason", failure.name().toLowerCase(Locale.ROOT)));
        return Response.seeOther(target.build())
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store")
                .build();
    }
}
