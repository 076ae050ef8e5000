package io.consentgateway.sandbox.web;

import io.consentgateway.sandbox.bank.BankError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/** Turns the bank engine's results and errors into HTTP responses. */
public final class BankResponses {

    private BankResponses() {
    }

    public static Response handle(Supplier<Response> action) {
        try {
            return action.get();
        } catch (BankError e) {
            return error(e);
        }
    }

    public static Response json(JsonObject body) {
        return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    public static Response error(BankError e) {
        JsonObject body = Json.createObjectBuilder()
                .add("error", e.error())
                .add("error_description", e.description())
                .build();
        Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body.toString()).header(HttpHeaders.CACHE_CONTROL, "no-store");
        switch (e.challenge()) {
            case BASIC -> response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"bank\"");
            case BEARER -> response.header(HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer realm=\"bank\", error=\"invalid_token\"");
            default -> {
            }
        }
        return response.build();
    }
}
