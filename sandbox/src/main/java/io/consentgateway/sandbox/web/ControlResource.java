package io.consentgateway.sandbox.web;

import io.consentgateway.sandbox.Sandbox;
import io.consentgateway.sandbox.SandboxRuntime;
import io.consentgateway.sandbox.bank.BankData;
import io.consentgateway.sandbox.control.FaultRule;
import io.consentgateway.sandbox.control.LateBookingRequest;
import io.consentgateway.sandbox.control.WebhookFault;
import io.consentgateway.sandbox.core.JsonBodies;
import io.consentgateway.sandbox.core.SandboxClock;
import io.consentgateway.sandbox.core.SyntheticLedger.Account;
import io.consentgateway.sandbox.core.TokenAuthority;
import io.consentgateway.sandbox.nrich.NrichData;
import io.consentgateway.sandbox.webhooks.WebhookReceiver;
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
 * statistics, revocation by user, late bookings, the webhook receiver's misbehaviour and a full reset.
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

    /**
     * The calls per provider and route, and the webhook receiver's counters:
     * {@code {"bank":{…},"nrich":{…},"webhooks":{"received":n,"refused":m}}}.
     */
    @GET
    @Path("/stats")
    public Response stats() {
        WebhookReceiver.Counts webhooks = sandbox.webhooks().counts();
        return ok(Json.createObjectBuilder(sandbox.stats().toJson())
                .add("webhooks", Json.createObjectBuilder()
                        .add("received", webhooks.received())
                        .add("refused", webhooks.refused()))
                .build());
    }

    /** {@code {"fault":{…}|null,"received":n,"refused":m,"stored":k}}: the receiver's fault and counters. */
    @GET
    @Path("/webhooks")
    public Response webhooks() {
        return ok(webhooksJson());
    }

    /**
     * {@code {"status","latencyMs","times","redirectTo"}}: makes the webhook receiver misbehave, replacing an earlier
     * fault; answers as {@code GET}.
     */
    @POST
    @Path("/webhooks")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setWebhookFault(String body) {
        JsonObject json = JsonBodies.object(body).orElse(null);
        if (json == null) {
            return badRequest("the body must be a JSON object");
        }
        try {
            sandbox.webhookFaults().set(WebhookFault.fromJson(json));
            return ok(webhooksJson());
        } catch (IllegalArgumentException e) {
            return badRequest(e.getMessage());
        }
    }

    /** Heals the webhook receiver (what it recorded stays). */
    @DELETE
    @Path("/webhooks")
    public Response clearWebhookFault() {
        sandbox.webhookFaults().clear();
        return Response.noContent().build();
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

    /**
     * {@code {"provider":"nrich"|"bank","user","account","bookingDate","amount","currency","counterpartyName",
     * "purpose"}}: books a transaction dated in the past on one of the user's accounts (a late booking), so that a test can check
     * that an incremental sync still finds it. 201 with the transaction as the provider serves it; 400 for a bad field
     * or a date outside the history (after today, or older than its 400 days); 404 when the provider never gave access
     * to that user's data (the synthetic data exists for any name: a typo would book where nobody reads) or the user
     * has no such account.
     */
    @POST
    @Path("/bookings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addBooking(String body) {
        JsonObject json = JsonBodies.object(body).orElse(null);
        if (json == null) {
            return badRequest("the body must be a JSON object");
        }
        try {
            LateBookingRequest request = LateBookingRequest.fromJson(json);
            return "nrich".equals(request.provider()) ? bookAtNrich(request) : bookAtBank(request);
        } catch (IllegalArgumentException e) {
            return badRequest(e.getMessage());
        }
    }

    private Response bookAtNrich(LateBookingRequest request) {
        if (!sandbox.nrich().hasGrantFor(request.user())) {
            return notFound("nrich has given no access to the data of user " + request.user());
        }
        NrichData data = sandbox.nrichData();
        return data.bookingAccount(request.user(), request.account())
                .map(account -> booked(request, account,
                        NrichData.transactionJson(data.book(request.user(), account, request.booking()))))
                .orElseGet(() -> notFound("user " + request.user() + " has no account " + request.account()));
    }

    private Response bookAtBank(LateBookingRequest request) {
        if (!sandbox.bank().hasGrantFor(request.user())) {
            return notFound("the bank has no consent of user " + request.user());
        }
        BankData data = sandbox.bankData();
        return data.bookingAccount(request.user(), request.account())
                .map(account -> booked(request, account,
                        BankData.transactionJson(data.book(request.user(), account, request.booking()))))
                .orElseGet(() -> notFound("user " + request.user() + " has no account " + request.account()));
    }

    /** 201 {@code {"provider","user","iban","transaction":{…as the provider serves it…}}}. */
    private static Response booked(LateBookingRequest request, Account account, JsonObject transaction) {
        JsonObject body = Json.createObjectBuilder()
                .add("provider", request.provider())
                .add("user", request.user())
                .add("iban", account.iban())
                .add("transaction", transaction)
                .build();
        return Response.status(201).type(MediaType.APPLICATION_JSON_TYPE).entity(body.toString()).build();
    }

    @POST
    @Path("/reset")
    public Response reset() {
        sandbox.reset();
        return Response.noContent().build();
    }

    private JsonObject webhooksJson() {
        WebhookReceiver.Counts counts = sandbox.webhooks().counts();
        return Json.createObjectBuilder()
                .add("fault", sandbox.webhookFaults().toJson())
                .add("received", counts.received())
                .add("refused", counts.refused())
                .add("stored", counts.stored())
                .build();
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
        return error(400, "invalid_request", description);
    }

    private static Response notFound(String description) {
        return error(404, "not_found", description);
    }

    private static Response error(int status, String error, String description) {
        String body = Json.createObjectBuilder().add("error", error)
                .add("error_description", description).build().toString();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
