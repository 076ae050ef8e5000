package io.consentgateway.adapter.in.rest;

import io.consentgateway.adapter.in.rest.dto.RedeliveryResponse;
import io.consentgateway.adapter.in.rest.dto.WebhookDeliveryResponse;
import io.consentgateway.application.port.in.InvalidInput;
import io.consentgateway.application.port.in.ManageWebhookDeliveries;
import io.consentgateway.application.port.in.NotFound;
import io.consentgateway.application.port.in.WebhookDeliveriesPage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * The operator's view of the webhook deliveries (docs/webhooks.md): a token whose {@code groups} claim holds
 * {@code operator}; a user's token is refused (403).
 */
@Path("/api/v1/admin/webhooks/deliveries")
@ApplicationScoped
@RolesAllowed("operator")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin", description = "For operators: a bearer token with the group operator")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token is not an operator's")
public class WebhookDeliveriesResource {
    static final String OPERATOR = "operator";

    private ManageWebhookDeliveries deliveries;

    protected WebhookDeliveriesResource() {
        // for CDI proxies
    }

    @Inject
    public WebhookDeliveriesResource(ManageWebhookDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GET
    @Operation(summary = "List webhook deliveries", description = "Newest event first; status pending, delivered or failed "
            + "(all when absent); endpoint, one endpoint's name (all when absent); limit 1 to 500 (default 100). Each "
            + "with its attempts and its last error. When more follow, the Link header names the next page "
            + "(rel=\"next\", RFC 8288): the same query with its cursor.")
    @APIResponse(responseCode = "200", description = "The deliveries; Link: <...&cursor=...>; rel=\"next\" when more follow",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WebhookDeliveryResponse[].class)))
    @APIResponse(responseCode = "400", description = "An unknown status, an endpoint name that cannot be one, a cursor "
            + "of another query, or a limit out of range")
    public Response list(
            @QueryParam("status") @Parameter(description = "pending, delivered or failed; all when absent") String status,
            @QueryParam("endpoint") @Parameter(description = "an endpoint's name; all when absent", example = "fintech")
            String endpoint,
            @QueryParam("cursor") @Parameter(description = "from the Link of the previous page; issued for the same "
                    + "status and endpoint") String cursor,
            @QueryParam("limit") @DefaultValue("100") @Parameter(description = "page size 1..500, default 100") String limit,
            @Context UriInfo uri) {
        WebhookDeliveriesPage page = deliveries.list(status, endpoint, cursor, limitOf(limit));
        Response.ResponseBuilder answer = Response.ok(page.deliveries().stream().map(WebhookDeliveryResponse::of).toList());
        page.nextCursor().ifPresent(next -> answer.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", next).build(),
                "next"));
        return answer.build();
    }

    @POST
    @Path("/{id}/redelivery")
    @Operation(summary = "Send a delivery again", description = "Makes the delivery due now, whatever its status: the "
            + "dispatcher sends it within a second, with its event's webhook-id.")
    @APIResponse(responseCode = "200", description = "The delivery, due again")
    @APIResponse(responseCode = "404", description = "No such delivery")
    public WebhookDeliveryResponse redeliver(@PathParam("id") String id) {
        UUID deliveryId;
        try {
            deliveryId = UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            throw new NotFound("webhook delivery");
        }
        return WebhookDeliveryResponse.of(deliveries.redeliver(deliveryId));
    }

    @POST
    @Path("/redelivery")
    @Operation(summary = "Send now all that waits", description = "For when a receiver is back after an outage: makes every "
            + "failed delivery (one more attempt each) and every pending one whose next attempt is later due now — status "
            + "failed or pending (both when absent), to one configured endpoint (all when absent). A delivered one is sent "
            + "again only by its own redelivery. The dispatcher sends them at its pace, at most cg.webhooks.in-flight at a "
            + "time per endpoint and node, each with its event's webhook-id.")
    @APIResponse(responseCode = "200", description = "How many deliveries were made due")
    @APIResponse(responseCode = "400", description = "Status delivered or unknown, or an endpoint that is not configured")
    public RedeliveryResponse redeliverWaiting(
            @QueryParam("status") @Parameter(description = "failed or pending; both when absent") String status,
            @QueryParam("endpoint") @Parameter(description = "a configured endpoint's name; every endpoint when absent",
                    example = "fintech") String endpoint) {
        return new RedeliveryResponse(deliveries.redeliverWaiting(status, endpoint));
    }

    private static int limitOf(String limit) {
        try {
            return Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.of("limit", "must be a whole number from 1 to 500");
        }
    }
}
