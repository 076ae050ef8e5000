package io.consentgateway.adapter.in.rest;

import io.consentgateway.adapter.in.rest.dto.AccountResponse;
import io.consentgateway.adapter.in.rest.dto.ConsentResponse;
import io.consentgateway.adapter.in.rest.dto.FlowCreatedResponse;
import io.consentgateway.adapter.in.rest.dto.IncomeReportResponse;
import io.consentgateway.adapter.in.rest.dto.RenewalRequest;
import io.consentgateway.adapter.in.rest.dto.TransactionsPageResponse;
import io.consentgateway.adapter.in.rest.problem.Problem;
import io.consentgateway.adapter.in.rest.security.CurrentUser;
import io.consentgateway.application.port.in.FlowStarted;
import io.consentgateway.application.port.in.ListConsents;
import io.consentgateway.application.port.in.NotFound;
import io.consentgateway.application.port.in.ReadAccounts;
import io.consentgateway.application.port.in.ReadIncomeReport;
import io.consentgateway.application.port.in.ReadTransactions;
import io.consentgateway.application.port.in.RenewConsent;
import io.consentgateway.application.port.in.RenewConsentCommand;
import io.consentgateway.application.port.in.RevokeConsent;
import io.consentgateway.application.port.in.Synced;
import io.consentgateway.application.port.in.TransactionsPage;
import io.consentgateway.application.port.in.TransactionsQuery;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/** A user's consents and the data they reach. A foreign consent id answers 404, exactly like a missing one. */
@Path("/api/v1/consents")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consents", description = "Consents, and the accounts, transactions and income reports they reach")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token")
public class ConsentsResource {
    private ListConsents listConsents;
    private ReadAccounts readAccounts;
    private ReadTransactions readTransactions;
    private ReadIncomeReport readIncomeReport;
    private RenewConsent renewConsent;
    private RevokeConsent revokeConsent;

    protected ConsentsResource() {
        // for CDI proxies
    }

    @Inject
    public ConsentsResource(ListConsents listConsents, ReadAccounts readAccounts, ReadTransactions readTransactions,
                            ReadIncomeReport readIncomeReport, RenewConsent renewConsent, RevokeConsent revokeConsent) {
        this.listConsents = listConsents;
        this.readAccounts = readAccounts;
        this.readTransactions = readTransactions;
        this.readIncomeReport = readIncomeReport;
        this.renewConsent = renewConsent;
        this.revokeConsent = revokeConsent;
    }

    @GET
    @Operation(summary = "The user's consents", description = "Newest first, with the status they have now and the next action.")
    @APIResponse(responseCode = "200", description = "The consents",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentResponse[].class)))
    public List<ConsentResponse> list(@Context SecurityContext security) {
        return listConsents.list(CurrentUser.of(security)).stream().map(ConsentResponse::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One consent")
    @APIResponse(responseCode = "200", description = "The consent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentResponse.class)))
    @APIResponse(responseCode = "404", description = "No such consent for this user")
    public ConsentResponse get(@PathParam("id") String id, @Context SecurityContext security) {
        return ConsentResponse.of(listConsents.get(CurrentUser.of(security), consentId(id)));
    }

    @GET
    @Path("/{id}/accounts")
    @Operation(summary = "Accounts and balances", description = "From the gateway's store, synced with the provider first when "
            + "older than cg.sync.max-age; during a provider outage as last synced (Last-Modified). A read counts as user "
            + "activity and keeps an ongoing consent alive.")
    @APIResponse(responseCode = "200", description = "The accounts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountResponse[].class)))
    @APIResponse(responseCode = "404", description = "No such consent for this user")
    @APIResponse(responseCode = "409", description = "The consent is expired, revoked or needs re-authorization; see nextAction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The provider is unavailable and nothing is stored yet")
    public Response accounts(@PathParam("id") String id, @Context SecurityContext security) {
        Synced<List<Account>> accounts = readAccounts.accounts(CurrentUser.of(security), consentId(id));
        return syncedAt(Response.ok(accounts.data().stream().map(AccountResponse::of).toList()), accounts.syncedAt());
    }

    @GET
    @Path("/{id}/transactions")
    @Operation(summary = "Transactions, newest first, paged", description = "Paged from the gateway's store (synced first "
            + "when older than cg.sync.max-age): a page costs the page, not the history.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TransactionsPageResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter, limit or cursor, each listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such consent for this user")
    @APIResponse(responseCode = "409", description = "The consent is not usable; see nextAction")
    public Response transactions(
            @PathParam("id") String id,
            @QueryParam("account") @Parameter(description = "an account id from /accounts") String account,
            @QueryParam("from") @Parameter(description = "first booking date, YYYY-MM-DD", example = "2026-01-01") String from,
            @QueryParam("to") @Parameter(description = "last booking date, YYYY-MM-DD", example = "2026-11-22") String to,
            @QueryParam("limit") @Parameter(description = "page size 1..500, default 100", example = "100") String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor,
            @Context SecurityContext security) {
        UserId user = CurrentUser.of(security);
        consentId(id);
        TransactionsPage page = readTransactions.transactions(TransactionsQuery.parse(user, id, account, from, to, limit, cursor));
        return syncedAt(Response.ok(TransactionsPageResponse.of(page)), page.syncedAt());
    }

    @GET
    @Path("/{id}/income-report")
    @Operation(summary = "The income report of an income-report consent")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncomeReportResponse.class)))
    @APIResponse(responseCode = "404", description = "No such consent for this user")
    @APIResponse(responseCode = "409", description = "Not an income-report consent, or not usable")
    public Response incomeReport(@PathParam("id") String id, @Context SecurityContext security) {
        Synced<IncomeReport> report = readIncomeReport.incomeReport(CurrentUser.of(security), consentId(id));
        return syncedAt(Response.ok(IncomeReportResponse.of(report.data())), report.syncedAt());
    }

    @POST
    @Path("/{id}/renewal")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Re-consent an ongoing access", description = "Starts a flow through the provider's widget "
            + "(nrich /ongoing/sync); when it completes, the same consent gets fresh tokens.")
    @APIResponse(responseCode = "201", description = "Renewal flow started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FlowCreatedResponse.class)))
    @APIResponse(responseCode = "404", description = "No such consent for this user")
    @APIResponse(responseCode = "409", description = "Not an ongoing consent, or revoked")
    @APIResponse(responseCode = "429", description = "As many flows as allowed already wait for this user; nothing was started. "
            + "Retry-After says when the first of them lapses")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RenewalRequest.class)))
    public Response renew(@PathParam("id") String id, String requestBody, @Context SecurityContext security,
                          @Context UriInfo uri) {
        UserId user = CurrentUser.of(security);
        ConsentId consentId = consentId(id);
        RenewalRequest body = RenewalRequest.parse(requestBody);
        FlowStarted started = renewConsent.renew(RenewConsentCommand.parse(user, consentId, body.language, body.returnTo,
                body.completion));
        return Response.created(uri.getBaseUriBuilder().path("api/v1/flows/{id}").build(started.flowId().toString()))
                .entity(FlowCreatedResponse.of(started)).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a consent", description = "Destroys the tokens and deletes the consent's stored data at once; "
            + "the consent stays listed as REVOKED. Idempotent.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such consent for this user")
    public Response revoke(@PathParam("id") String id, @Context SecurityContext security) {
        revokeConsent.revoke(CurrentUser.of(security), consentId(id));
        return Response.noContent().build();
    }

    /**
     * Data is served from the gateway's store: {@code Last-Modified} says when it was read from the provider (RFC 9110
     * §8.8.2), which is older than usual when the provider is unavailable.
     */
    private static Response syncedAt(Response.ResponseBuilder response, Instant syncedAt) {
        return response.lastModified(Date.from(syncedAt)).build();
    }

    /** A malformed id can name no consent: "not found", the same as a missing or foreign one. */
    private static ConsentId consentId(String id) {
        try {
            return ConsentId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound("consent");
        }
    }
}
