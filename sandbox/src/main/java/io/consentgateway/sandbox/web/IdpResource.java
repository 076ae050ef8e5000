package io.consentgateway.sandbox.web;

import io.consentgateway.sandbox.Sandbox;
import io.consentgateway.sandbox.SandboxRuntime;
import io.consentgateway.sandbox.idp.DemoIdentityProvider;
import io.consentgateway.sandbox.idp.DemoIdentityProvider.IssuedToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The demo identity provider: {@code POST /idp/token} (form fields {@code user}, optional {@code group}: {@code user} or {@code operator}) and {@code GET /idp/jwks}. */
@ApplicationScoped
@Path("/idp")
@Produces(MediaType.APPLICATION_JSON)
public class IdpResource {

    private Sandbox sandbox;

    /** For CDI's proxy. */
    protected IdpResource() {
    }

    @Inject
    public IdpResource(SandboxRuntime runtime) {
        this(runtime.sandbox());
    }

    public IdpResource(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(@FormParam("user") String user, @FormParam("upn") String upn,
                          @FormParam("subject") String subject, @FormParam("group") String group) {
        String name = upn == null ? user : upn;
        if (group != null && !DemoIdentityProvider.GROUPS.contains(group)) {
            String error = Json.createObjectBuilder()
                    .add("error", "invalid_request")
                    .add("error_description", "group must be one of " + DemoIdentityProvider.GROUPS)
                    .build().toString();
            return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
        }
        if (!DemoIdentityProvider.isValidUser(user) || !DemoIdentityProvider.isValidUser(name)) {
            String error = Json.createObjectBuilder()
                    .add("error", "invalid_request")
                    .add("error_description", "user (and upn) must be 1 to 64 characters of A-Z a-z 0-9 . _ @ -")
                    .build().toString();
            return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
        }
        IssuedToken token = sandbox.idp().issue(user, name, !"omit".equals(subject), group == null ? "user" : group);
        String body = Json.createObjectBuilder()
                .add("access_token", token.jwt())
                .add("token_type", "Bearer")
                .add("expires_in", token.expiresIn())
                .build().toString();
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Path("/jwks")
    public Response jwks() {
        return Response.ok(sandbox.idp().jwks().toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
