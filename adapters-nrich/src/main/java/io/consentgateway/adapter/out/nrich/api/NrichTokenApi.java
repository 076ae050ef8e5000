package io.consentgateway.adapter.out.nrich.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;

/** nrich's token endpoint, with HTTP Basic client authentication. JSON as documented, or a form by configuration. */
@Path("/auth/token")
@Produces(MediaType.APPLICATION_JSON)
public interface NrichTokenApi extends AutoCloseable {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    TokenResponse token(TokenRequest request);

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    TokenResponse tokenAsForm(Form form);
}
