package io.consentgateway.sandbox.web;

import io.consentgateway.sandbox.nrich.NrichError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.Supplier;

/** Turns the nrich engine's results and errors into HTTP responses. */
public final class NrichResponses {

    private NrichResponses() {
    }

    /** Runs {@code action}; an {@link NrichError} becomes its documented error response. */
    public static Response handle(Supplier<Response> action) {
        try {
            return action.get();
        } catch (NrichError e) {
            return error(e);
        }
    }

    public static Response json(int status, JsonObject body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.toString()).build();
    }

    public static Response error(NrichError e) {
        JsonObjectBuilder data = Json.createObjectBuilder();
        for (Map.Entry<String, String> d : e.data().entrySet()) {
            data.add(d.getKey(), d.getValue());
        }
        JsonObject body = Json.createObjectBuilder().add("error", Json.createObjectBuilder()
                .add("code", e.code())
                .add("group", "client")
                .add("description", e.description())
                .add("data", data)).build();
        Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body.toString());
        switch (e.challenge()) {
            case BASIC -> response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"nrich\"");
            case BEARER -> response.header(HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer realm=\"nrich\", error=\"invalid_token\"");
            default -> {
            }
        }
        return response.build();
    }
}
