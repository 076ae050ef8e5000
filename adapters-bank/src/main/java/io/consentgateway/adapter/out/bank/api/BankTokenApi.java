package io.consentgateway.adapter.out.bank.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;

/**
 * The bank's OAuth 2.0 token endpoint (RFC 6749 §3.2): a form, HTTP Basic client authentication. The answer is read
 * as bytes and parsed leniently by {@code BankMapping}: by then a code may be spent or a refresh token rotated, so
 * an odd optional field must never fail the call.
 */
@Path("/auth/oauth/v2/token")
public interface BankTokenApi extends AutoCloseable {

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    byte[] token(Form form);
}
