package io.consentgateway.sandbox.web;

import io.consentgateway.sandbox.Sandbox;
import io.consentgateway.sandbox.SandboxRuntime;
import io.consentgateway.sandbox.control.FaultRule;
import io.consentgateway.sandbox.core.JsonBodies;
import io.consentgateway.sandbox.core.SandboxClock;
import io.consentgateway.sandbox.core.TokenAuthority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * Test controls of the sandbox (never part of a real provider): the clock, faults, call
 * statistics, revocation by user and a full reset.
 */
@ApplicationScoped
@Path("/control")
@Produces(MediaType.APPLICATION_JSON)
public class ControlResource {

    private Sandbox sandbox;
    private String instanceId;

    /** For CDI's proxy. */
    protected ControlResource() {
    }

    @Inject
    public ControlResource(SandboxRuntime runtime) {
        this(runtime.sandbox(), runtime.instanceId());
    }

    public ControlResource(Sandbox sandbox) {
        this(sandbox, "");
    }

    public ControlResource(Sandbox sandbox, String instanceId) {
        this.sandbox = sandbox;
        this.instanceId = instanceId;
    }

    /** {@code {"instance": "..."}}: the label this sandbox was started with (tests check they reached their own). */
    @GET
    @Path("/instance")
    public Response instance() {
        return ok(Json.createObjectBuilder().add("instance", instanceId).build());
    }

    @GET
    @Path("/clock")
    public Response clock() {
        return ok(clockJson());
    }

    /** {@code {"advanceSeconds": N}}: moves the simulators' clock forward. */
    @POST
    @Path("/clock")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response advanceClock(String body) {
        JsonObject json = JsonBodies.object(body).orElse(null);
        if (json == null || !(json.get("advanceSeconds") instanceof JsonNumber n) || !n.isIntegral()) {
            return badRequest("advanceSeconds (an integer) is required");
        }
        long seconds;
        try {
            seconds = n.longValueExact();
        } catch (ArithmeticException e) {
            return badRequest("advanceSeconds is out of range");
        }
        if (seconds < 1 || seconds > SandboxClock.MAX_ADVANCE.toSeconds()) {
            return badRequest("advanceSeconds must be between 1 and " + SandboxClock.MAX_ADVANCE.toSeconds());
        }
        sandbox.clock().advance(Duration.ofSeconds(seconds));
        return ok(clockJson());
    }

    @GET
    @Path("/faults")
    public Response faults() {
        JsonArrayBuilder rules = Json.createArrayBuilder();
        sandbox.faults().rules().forEach(r -> rules.add(r.toJson()));
        return ok(Json.createObjectBuilder().add("faults", rules).build());
    }

    @POST
    @Path("/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addFault(String body) {
        JsonObject json = JsonBodies.object(body).orElse(null);
        if (json == null) {
            return badRequest("the body must be a JSON object");
        }
        try {
            FaultRule rule = FaultRule.fromJson(json);
            sandbox.faults().add(rule);
            return Response.status(201).type(MediaType.APPLICATION_JSON_TYPE).entity(rule.toJson().toString()).build();
        } catch (IllegalArgumentException e) {
            return badRequest(e.getMessage());
        }
    }

    @DELETE
    @Path("/faults")
    public Response clearFaults() {
        sandbox.faults().clear();
        return Response.noContent().build();
    }

    @GET
    @Path("/stats")
    public Response stats() {
        return ok(sandbox.stats().toJson());
    }

    /**
     * {@code {"nrich":{"codes":n,"refreshTokens":m},"bank":{...}}}: spent codes and refresh tokens presented again.
     * A gateway that exchanges every code once and never loses a rotated token keeps all of them at zero.
     */
    @GET
    @Path("/reuse")
    public Response reuse() {
        return ok(Json.createObjectBuilder()
                .add("nrich", reuse(sandbox.nrich().reuse()))
                .add("bank", reuse(sandbox.bank().reuse()))
                .build());
    }

    private static JsonObject reuse(TokenAuthority.Reuse reuse) {
        return Json.createObjectBuilder().add("codes", reuse.codes()).add("refreshTokens", reuse.refreshTokens()).build();
    }

    /** {@code {"provider":"nrich"|"bank","user":"..."}}: revokes every grant of that user. */
    @POST
    @Path("/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response revoke(String body) {
        JsonObject json = JsonBodies.object(body).orElse(null);
        String provider = json == null ? null : JsonBodies.string(json, "provider");
        String user = json == null ? null : JsonBodies.string(json, "user");
        if (user == null || user.isBlank()) {
            return badRequest("user is required");
        }
        int revoked;
        if ("nrich".equals(provider)) {
            revoked = sandbox.nrich().revokeUser(user);
        } else if ("bank".equals(provider)) {
            revoked = sandbox.bank().revokeUser(user);
        } else {
            return badRequest("provider must be nrich or bank");
        }
        return ok(Json.createObjectBuilder().add("provider", provider).add("user", user).add("revoked", revoked).build());
    }

    @POST
    @Path("/reset")
    public Response reset() {
        sandbox.reset();
        return Response.noContent().build();
    }

    private JsonObject clockJson() {
        return Json.createObjectBuilder()
                .add("now", sandbox.clock().instant().truncatedTo(ChronoUnit.MILLIS).toString())
                .add("offsetSeconds", sandbox.clock().offset().toSeconds())
                .build();
    }

    private static Response ok(JsonObject json) {
        return Response.ok(json.toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Response badRequest(String description) {
        String body = Json.createObjectBuilder().add("error", "invalid_request")
                .add("error_description", description).build().toString();
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
