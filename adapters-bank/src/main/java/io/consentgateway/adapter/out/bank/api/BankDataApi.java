package io.consentgateway.adapter.out.bank.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * The bank's PSD2 Accounts API on behalf of the user: {@code Authorization: Bearer <access token>} and (added by a
 * filter) a fresh {@code Request-ID} on every call. Request bodies are JSON built by {@code BankRequests}; answers are
 * read as bytes and parsed item by item by {@code BankMapping}.
 */
@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
public interface BankDataApi extends AutoCloseable {

    /** One page of the consented accounts ({@code page} from 1, {@code pageSize} 10..100 in steps of 10). */
    @GET
    byte[] accounts(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                    @QueryParam("page") int page,
                    @QueryParam("pageSize") int pageSize,
                    @QueryParam("order") String order);

    /** {@code {"iban":"SK..."}}: the account's details and balances. */
    @POST
    @Path("/information")
    @Consumes(MediaType.APPLICATION_JSON)
    byte[] information(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body);

    /** {@code {"iban","status","dateFrom","dateTo","page","pageSize"}}: one page of an account's transactions. */
    @POST
    @Path("/transactions")
    @Consumes(MediaType.APPLICATION_JSON)
    byte[] transactions(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body);
}
