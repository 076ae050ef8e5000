package io.consentgateway.adapter.out.nrich.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** nrich's financial data, on behalf of the end user: {@code Authorization: Bearer <access token>}. */
@Path("/rest")
@Produces(MediaType.APPLICATION_JSON)
public interface NrichDataApi extends AutoCloseable {

    @GET
    @Path("/accounts")
    AccountsResponse accounts(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /**
     * One page of transactions. A {@code null} parameter is left out of the query.
     *
     * @param accounts comma-separated account ids
     * @param since    first booking day, {@code YYYY-MM-DD}
     * @param until    last booking day, {@code YYYY-MM-DD}
     */
    @GET
    @Path("/transactions")
    TransactionsResponse transactions(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                      @QueryParam("accounts") String accounts,
                                      @QueryParam("since") String since,
                                      @QueryParam("until") String until,
                                      @QueryParam("count") int count,
                                      @QueryParam("offset") int offset);

    @GET
    @Path("/income-reports/{flowId}")
    IncomeReportResponse incomeReport(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                      @PathParam("flowId") String flowId);

    /** The older form: months {@code YYYY-MM}. */
    @GET
    @Path("/income-report")
    IncomeReportResponse legacyIncomeReport(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                            @QueryParam("since") String since,
                                            @QueryParam("until") String until);
}
