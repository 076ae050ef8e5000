package io.consentgateway.adapter.out.nrich.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * nrich's flow initiation: each call answers 201 {@code {"location", "id"}}. Called with HTTP Basic client
 * authentication (a filter registered on the client adds it).
 */
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface NrichFlowApi extends AutoCloseable {

    @POST
    @Path("/ongoing/access")
    FlowCreated ongoingAccess(OngoingAccessRequest request);

    @POST
    @Path("/onetime/access")
    FlowCreated oneTimeAccess(OneTimeAccessRequest request);

    @POST
    @Path("/onetime/income-report")
    FlowCreated incomeReport(IncomeReportFlowRequest request);

    /** Re-consent (manual re-sync) of an existing ongoing access. */
    @POST
    @Path("/ongoing/sync")
    FlowCreated ongoingSync(OngoingSyncRequest request);
}
