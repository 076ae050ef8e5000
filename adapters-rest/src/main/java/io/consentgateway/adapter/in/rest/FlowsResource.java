package io.consentgateway.adapter.in.rest;

import io.consentgateway.adapter.in.rest.dto.CompletionRequest;
import io.consentgateway.adapter.in.rest.dto.FlowCreatedResponse;
import io.consentgateway.adapter.in.rest.dto.FlowResponse;
import io.consentgateway.adapter.in.rest.dto.JsonBody;
import io.consentgateway.adapter.in.rest.dto.StartFlowRequest;
import io.consentgateway.adapter.in.rest.problem.Problem;
import io.consentgateway.adapter.in.rest.security.CurrentUser;
import io.consentgateway.application.port.in.CompleteFlow;
import io.consentgateway.application.port.in.FlowStarted;
import io.consentgateway.application.port.in.InvalidInput;
import io.consentgateway.application.port.in.NotFound;
import io.consentgateway.application.port.in.StartFlow;
import io.consentgateway.application.port.in.ViewFlow;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Starting a consent flow and following it. */
@Path("/api/v1/flows")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Flows", description = "Start a consent flow and follow its status")
@SecurityRequirement(name = "bearer")
public class FlowsResource {
    private StartFlow startFlow;
    private ViewFlow viewFlow;
    private CompleteFlow completeFlow;
    private ProviderId defaultProvider;

    protected FlowsResource() {
        // for CDI proxies
    }

    @Inject
    public FlowsResource(StartFlow startFlow, ViewFlow viewFlow, CompleteFlow completeFlow,
                         @Named("defaultProvider") ProviderId defaultProvider) {
        this.startFlow = startFlow;
        this.viewFlow = viewFlow;
        this.completeFlow = completeFlow;
        this.defaultProvider = defaultProvider;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a consent flow",
            description = "Asks the provider for a widget link. Send the user's browser to widgetUrl; the provider returns it to "
                    + "/callback, which completes the flow and redirects to returnTo (with completion CONFIRM: which redirects "
                    + "to returnTo with outcome=CONFIRMATION_REQUIRED and a confirmation, for POST /api/v1/flows/{id}/completion).")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = StartFlowRequest.class)))
    @APIResponse(responseCode = "201", description = "Flow started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FlowCreatedResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "422", description = "The provider refused the request")
    @APIResponse(responseCode = "429", description = "As many flows as allowed already wait for this user; nothing was started. "
            + "Retry-After says when the first of them lapses")
    @APIResponse(responseCode = "503", description = "The provider is unavailable")
    public Response start(String body, @Context SecurityContext security, @Context UriInfo uri) {
        UserId user = CurrentUser.of(security);
        StartFlowRequest request = StartFlowRequest.from(JsonBody.parse(body));
        FlowStarted started;
        try {
            started = startFlow.start(request.toInput(user.value()).parse(defaultProvider));
        } catch (InvalidInput invalid) {
            throw request.inClientTerms(invalid);
        }
        return Response.created(uri.getBaseUriBuilder().path("api/v1/flows/{id}").build(started.flowId().toString()))
                .entity(FlowCreatedResponse.of(started)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A flow's status")
    @APIResponse(responseCode = "200", description = "The flow",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FlowResponse.class)))
    @APIResponse(responseCode = "404", description = "No such flow for this user (a foreign id answers the same)")
    public FlowResponse get(@PathParam("id") String id, @Context SecurityContext security) {
        UserId user = CurrentUser.of(security);
        return FlowResponse.of(viewFlow.view(user, parseFlowId(id)));
    }

    @POST
    @Path("/{id}/completion")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Confirm a flow after its callback (completion by confirmation)",
            description = "For a flow started with completion CONFIRM (or on a gateway with cg.callback.completion=confirm): "
                    + "the callback redirected the browser to returnTo with outcome=CONFIRMATION_REQUIRED and a confirmation "
                    + "parameter. The front end sends that confirmation here with the signed-in user's token; only the user "
                    + "who started the flow can complete it, and only then is the provider's code exchanged. Repeating a "
                    + "confirmation answers the flow as it is.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CompletionRequest.class)))
    @APIResponse(responseCode = "200", description = "The flow after the exchange: COMPLETED with its consentId, or FAILED with why",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FlowResponse.class)))
    @APIResponse(responseCode = "400", description = "No confirmation, or not this flow's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such flow for this user (a foreign id answers the same)")
    @APIResponse(responseCode = "409", description = "The flow awaits no confirmation (the provider has not sent the user back "
            + "yet, or it completes at its callback)")
    public FlowResponse complete(@PathParam("id") String id, String body, @Context SecurityContext security) {
        UserId user = CurrentUser.of(security);
        FlowId flowId = parseFlowId(id);
        CompletionRequest request = CompletionRequest.parse(body);
        return FlowResponse.of(completeFlow.complete(user, flowId, request.code()));
    }

    private static FlowId parseFlowId(String id) {
        try {
            return FlowId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound("flow");
        }
    }
}
