package io.consentgateway.sandbox.web;

import io.consentgateway.sandbox.Sandbox;
import io.consentgateway.sandbox.SandboxRuntime;
import io.consentgateway.sandbox.core.JsonBodies;
import io.consentgateway.sandbox.nrich.NrichFlowKind;
import io.consentgateway.sandbox.nrich.FlowRequest;
import io.consentgateway.sandbox.nrich.FlowRequestParser;
import io.consentgateway.sandbox.nrich.NrichError;
import io.consentgateway.sandbox.nrich.NrichSimulator;
import io.consentgateway.sandbox.nrich.NrichSimulator.CreatedFlow;
import io.consentgateway.sandbox.nrich.NrichSimulator.TokenResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Map;

/**
 * nrich's client-authenticated calls: the four flow creations and the token endpoint.
 * Thin: parsing and HTTP mapping only; the rules live in {@link NrichSimulator}.
 */
@ApplicationScoped
@Path("/nrich")
@Produces(MediaType.APPLICATION_JSON)
public class NrichApiResource {

    private Sandbox sandbox;

    /** For CDI's proxy. */
    protected NrichApiResource() {
    }

    @Inject
    public NrichApiResource(SandboxRuntime runtime) {
        this(runtime.sandbox());
    }

    public NrichApiResource(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    @POST
    @Path("/ongoing/access")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response ongoingAccess(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                  @Context UriInfo uriInfo, String body) {
        return createFlow(NrichFlowKind.ONGOING_ACCESS, authorization, uriInfo.getBaseUri(), body);
    }

    @POST
    @Path("/onetime/access")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response oneTimeAccess(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                  @Context UriInfo uriInfo, String body) {
        return createFlow(NrichFlowKind.ONE_TIME_ACCESS, authorization, uriInfo.getBaseUri(), body);
    }

    @POST
    @Path("/onetime/income-report")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response incomeReport(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                 @Context UriInfo uriInfo, String body) {
        return createFlow(NrichFlowKind.INCOME_REPORT, authorization, uriInfo.getBaseUri(), body);
    }

    @POST
    @Path("/ongoing/sync")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response ongoingSync(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                @Context UriInfo uriInfo, String body) {
        return createFlow(NrichFlowKind.ONGOING_SYNC, authorization, uriInfo.getBaseUri(), body);
    }

    /**
     * Creates a flow: 201 {@code {"location","id"}}.
     *
     * @param requestBaseUri the base URI of the JAX-RS application (…/sandbox/)
     */
    public Response createFlow(NrichFlowKind kind, String authorization, URI requestBaseUri, String body) {
        return NrichResponses.handle(() -> {
            NrichSimulator nrich = sandbox.nrich();
            nrich.authenticateClient(authorization);
            JsonObject json = JsonBodies.object(body)
                    .orElseThrow(() -> NrichError.badRequest("The body must be a JSON object"));
            FlowRequest request = FlowRequestParser.parse(kind, json);
            URI base = sandbox.publicBaseUrl().orElse(requestBaseUri);
            CreatedFlow flow = nrich.createFlow(request, base.resolve("nrich/widget/"));
            return NrichResponses.json(201, Json.createObjectBuilder()
                    .add("location", flow.location().toString())
                    .add("id", flow.id()).build());
        });
    }

    /** The token endpoint, JSON as documented. */
    @POST
    @Path("/auth/token")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return NrichResponses.handle(() -> {
            sandbox.nrich().authenticateClient(authorization);
            JsonObject json = JsonBodies.object(body)
                    .orElseThrow(() -> NrichError.badRequest("The body must be a JSON object"));
            return token(JsonBodies.string(json, "grant_type"), JsonBodies.string(json, "code"),
                    JsonBodies.string(json, "redirect_uri"), JsonBodies.string(json, "refresh_token"));
        });
    }

    /** The token endpoint, form-encoded: accepted too, since nrich's encoding is not pinned down. */
    @POST
    @Path("/auth/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response tokenForm(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                              MultivaluedMap<String, String> form) {
        return NrichResponses.handle(() -> {
            sandbox.nrich().authenticateClient(authorization);
            return token(form.getFirst("grant_type"), form.getFirst("code"), form.getFirst("redirect_uri"),
                    form.getFirst("refresh_token"));
        });
    }

    private Response token(String grantType, String code, String redirectUri, String refreshToken) {
        NrichSimulator nrich = sandbox.nrich();
        TokenResponse tokens;
        if ("authorization_code".equals(grantType)) {
            tokens = nrich.exchangeCode(code, redirectUri);
        } else if ("refresh_token".equals(grantType)) {
            tokens = nrich.refresh(refreshToken);
        } else {
            throw NrichError.badRequest("Unsupported grant type",
                    Map.of("grant_type", "must be authorization_code or refresh_token"));
        }
        JsonObject body = Json.createObjectBuilder()
                .add("access_token", tokens.accessToken())
                .add("token_type", "Bearer")
                .add("expires_in", tokens.expiresIn())
                .add("scope", tokens.scope())
                .add("refresh_token", tokens.refreshToken())
                .build();
        return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .build();
    }
}
