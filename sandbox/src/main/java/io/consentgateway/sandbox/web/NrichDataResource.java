package io.consentgateway.sandbox.web;

import io.consentgateway.sandbox.Sandbox;
import io.consentgateway.sandbox.SandboxRuntime;
import io.consentgateway.sandbox.core.BearerToken;
import io.consentgateway.sandbox.core.TokenAuthority.GrantView;
import io.consentgateway.sandbox.nrich.NrichError;
import io.consentgateway.sandbox.nrich.NrichGrant;
import io.consentgateway.sandbox.nrich.TransactionQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * nrich's financial data, called with {@code Authorization: Bearer <access token>}. Every call
 * counts as user activity for the 90-day inactivity rule.
 */
@ApplicationScoped
@Path("/nrich/rest")
@Produces(MediaType.APPLICATION_JSON)
public class NrichDataResource {

    private Sandbox sandbox;

    /** For CDI's proxy. */
    protected NrichDataResource() {
    }

    @Inject
    public NrichDataResource(SandboxRuntime runtime) {
        this(runtime.sandbox());
    }

    public NrichDataResource(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    @GET
    @Path("/accounts")
    public Response accounts(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return NrichResponses.handle(() -> ok(sandbox.nrichData().accountsJson(grant(authorization)).toString()));
    }

    @GET
    @Path("/accounts/{account_id}")
    public Response account(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                            @PathParam("account_id") String accountId) {
        return NrichResponses.handle(() -> ok(sandbox.nrichData().accountJson(grant(authorization), accountId).toString()));
    }

    @GET
    @Path("/accounts/{account_id}/balance")
    public Response balance(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                            @PathParam("account_id") String accountId) {
        return NrichResponses.handle(() -> ok(sandbox.nrichData().balanceJson(grant(authorization), accountId).toString()));
    }

    @GET
    @Path("/transactions")
    public Response transactions(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                 @QueryParam("accounts") String accounts, @QueryParam("count") String count,
                                 @QueryParam("offset") String offset, @QueryParam("sort") String sort,
                                 @QueryParam("since") String since, @QueryParam("until") String until,
                                 @QueryParam("since_type") String sinceType,
                                 @QueryParam("include_pending") String includePending,
                                 @QueryParam("cents") String cents) {
        return NrichResponses.handle(() -> {
            GrantView<NrichGrant> grant = grant(authorization);
            TransactionQuery query = TransactionQuery.parse(accounts, count, offset, sort, since, until, sinceType,
                    includePending, cents);
            return ok(sandbox.nrichData().transactionsJson(grant, query).toString());
        });
    }

    @GET
    @Path("/accounts/{account_id}/transactions")
    public Response accountTransactions(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                        @PathParam("account_id") String accountId,
                                        @QueryParam("count") String count, @QueryParam("offset") String offset,
                                        @QueryParam("sort") String sort, @QueryParam("since") String since,
                                        @QueryParam("until") String until, @QueryParam("since_type") String sinceType,
                                        @QueryParam("include_pending") String includePending,
                                        @QueryParam("cents") String cents) {
        return NrichResponses.handle(() -> {
            GrantView<NrichGrant> grant = grant(authorization);
            sandbox.nrichData().accountJson(grant, accountId); // 404 for an account outside the grant
            TransactionQuery query = TransactionQuery.parse(null, count, offset, sort, since, until, sinceType,
                    includePending, cents).forAccount(accountId);
            return ok(sandbox.nrichData().transactionsJson(grant, query).toString());
        });
    }

    @GET
    @Path("/income-reports/{flow_id}")
    public Response incomeReport(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                 @PathParam("flow_id") String flowId) {
        return NrichResponses.handle(() -> ok(sandbox.nrichData().incomeReportJson(grant(authorization), flowId).toString()));
    }

    /** The older form of the income report. */
    @GET
    @Path("/income-report")
    public Response incomeReportByMonths(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                         @QueryParam("since") String since, @QueryParam("until") String until) {
        return NrichResponses.handle(() -> ok(sandbox.nrichData().incomeReportJson(grant(authorization), since, until).toString()));
    }

    private GrantView<NrichGrant> grant(String authorization) {
        String token = BearerToken.from(authorization).orElseThrow(NrichError::invalidToken);
        return sandbox.nrich().authorize(token);
    }

    private static Response ok(String json) {
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
