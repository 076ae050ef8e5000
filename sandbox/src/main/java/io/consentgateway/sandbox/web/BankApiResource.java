package io.consentgateway.sandbox.web;

import io.consentgateway.sandbox.Sandbox;
import io.consentgateway.sandbox.SandboxRuntime;
import io.consentgateway.sandbox.bank.BankError;
import io.consentgateway.sandbox.core.BearerToken;
import io.consentgateway.sandbox.core.JsonBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The bank's account information API. Every call needs {@code Authorization: Bearer} (401 first)
 * and a {@code Request-ID} UUID header (400), which is echoed in the response.
 */
@ApplicationScoped
@Path("/bank/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class BankApiResource {

    public static final String REQUEST_ID = "Request-ID";
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Sandbox sandbox;

    /** For CDI's proxy. */
    protected BankApiResource() {
    }

    @Inject
    public BankApiResource(SandboxRuntime runtime) {
        this(runtime.sandbox());
    }

    public BankApiResource(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    @GET
    public Response accounts(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                             @HeaderParam(REQUEST_ID) String requestId, @QueryParam("page") String page,
                             @QueryParam("pageSize") String pageSize, @QueryParam("order") String order) {
        return call(authorization, requestId, user -> sandbox.bankData().accounts(user, page, pageSize, order));
    }

    @POST
    @Path("/information")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response information(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                @HeaderParam(REQUEST_ID) String requestId, String body) {
        return call(authorization, requestId, user -> sandbox.bankData().information(user, object(body)));
    }

    @POST
    @Path("/transactions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response transactions(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                 @HeaderParam(REQUEST_ID) String requestId, String body) {
        return call(authorization, requestId, user -> sandbox.bankData().transactions(user, object(body)));
    }

    private Response call(String authorization, String requestId, Function<String, JsonObject> action) {
        Response response = BankResponses.handle(() -> {
            String token = BearerToken.from(authorization).orElseThrow(BankError::invalidToken);
            String user = sandbox.bank().authorize(token).details().user();
            if (requestId == null || !UUID.matcher(requestId).matches()) {
                throw BankError.invalidRequest("Request-ID header must be a UUID");
            }
            return BankResponses.json(action.apply(user));
        });
        if (requestId != null && UUID.matcher(requestId).matches()) {
            return Response.fromResponse(response).header(REQUEST_ID, requestId).build();
        }
        return response;
    }

    private static JsonObject object(String body) {
        return JsonBodies.object(body).orElseThrow(() -> BankError.invalidRequest("The body must be a JSON object"));
    }
}
