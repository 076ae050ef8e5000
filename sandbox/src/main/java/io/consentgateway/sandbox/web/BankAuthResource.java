package io.consentgateway.sandbox.web;

import io.consentgateway.sandbox.Sandbox;
import io.consentgateway.sandbox.SandboxRuntime;
import io.consentgateway.sandbox.bank.AuthorizeError;
import io.consentgateway.sandbox.bank.AuthorizeRequest;
import io.consentgateway.sandbox.bank.BankPage;
import io.consentgateway.sandbox.bank.BankSimulator;
import io.consentgateway.sandbox.bank.BankSimulator.TokenResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** The bank's OAuth endpoints: the consent page ({@code authorize}) and the token endpoint. */
@ApplicationScoped
@Path("/bank/auth/oauth/v2")
public class BankAuthResource {

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    private Sandbox sandbox;

    /** For CDI's proxy. */
    protected BankAuthResource() {
    }

    @Inject
    public BankAuthResource(SandboxRuntime runtime) {
        this(runtime.sandbox());
    }

    public BankAuthResource(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    @GET
    @Path("/authorize")
    @Produces(MediaType.TEXT_HTML)
    public Response authorize(@QueryParam("client_id") String clientId,
                              @QueryParam("response_type") String responseType,
                              @QueryParam("redirect_uri") String redirectUri, @QueryParam("scope") String scope,
                              @QueryParam("state") String state, @QueryParam("code_challenge") String codeChallenge,
                              @QueryParam("code_challenge_method") String codeChallengeMethod) {
        try {
            AuthorizeRequest request = sandbox.bank().validateAuthorize(clientId, responseType, redirectUri, scope,
                    state, codeChallenge, codeChallengeMethod);
            return html(200, BankPage.consent(request, sandbox.bank().settings().defaultUser(), null));
        } catch (AuthorizeError e) {
            return refused(e);
        }
    }

    /** The consent page's form: {@code action=approve|deny}, {@code user}; the query is the authorize request's. */
    @POST
    @Path("/authorize")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response decide(@QueryParam("client_id") String clientId,
                           @QueryParam("response_type") String responseType,
                           @QueryParam("redirect_uri") String redirectUri, @QueryParam("scope") String scope,
                           @QueryParam("state") String state, @QueryParam("code_challenge") String codeChallenge,
                           @QueryParam("code_challenge_method") String codeChallengeMethod,
                           @FormParam("action") String action, @FormParam("user") String user) {
        AuthorizeRequest request;
        try {
            request = sandbox.bank().validateAuthorize(clientId, responseType, redirectUri, scope, state,
                    codeChallenge, codeChallengeMethod);
        } catch (AuthorizeError e) {
            return refused(e);
        }
        if ("deny".equals(action)) {
            return redirect(sandbox.bank().deny(request));
        }
        if (!"approve".equals(action)) {
            return html(400, BankPage.consent(request, user == null ? "" : user, "Choose Approve or Deny."));
        }
        if (!BankSimulator.isValidUser(user)) {
            return html(400, BankPage.consent(request, user == null ? "" : user,
                    "The login must be 1 to 64 characters: letters, digits, . _ @ -"));
        }
        return redirect(sandbox.bank().approve(request, user));
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                          MultivaluedMap<String, String> form) {
        return BankResponses.handle(() -> {
            sandbox.bank().authenticateClient(authorization);
            TokenResponse tokens = sandbox.bank().token(form);
            String body = Json.createObjectBuilder()
                    .add("access_token", tokens.accessToken())
                    .add("token_type", "Bearer")
                    .add("expires_in", tokens.expiresIn())
                    .add("refresh_token", tokens.refreshToken())
                    .add("refresh_token_expires_in", tokens.refreshTokenExpiresIn())
                    .add("scope", BankSimulator.SCOPE)
                    .build().toString();
            return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build();
        });
    }

    private static Response refused(AuthorizeError e) {
        return e.redirect() != null ? redirect(e.redirect()) : html(400, BankPage.error(e.getMessage()));
    }

    private static Response redirect(URI location) {
        return Response.seeOther(location).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer").build();
    }

    private static Response html(int status, String page) {
        // The page as bytes: a String entity of an error status would be written as an error message, HTML-escaped by
        // the server, and a browser would show the page's source. Never framed: a consent page inside somebody else's
        // page is how clickjacking starts.
        return Response.status(status).type(HTML).entity(page.getBytes(StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Security-Policy", "frame-ancestors 'none'")
                .header("X-Frame-Options", "DENY").build();
    }
}
