package io.consentgateway.adapter.in.rest;

import io.consentgateway.adapter.in.rest.security.CurrentUser;
import io.consentgateway.application.port.in.EraseUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in user as a whole: the right to erasure. */
@Path("/api/v1/me")
@ApplicationScoped
@Tag(name = "Me", description = "The signed-in user")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token")
public class MeResource {
    private EraseUser eraseUser;

    protected MeResource() {
        // for CDI proxies
    }

    @Inject
    public MeResource(EraseUser eraseUser) {
        this.eraseUser = eraseUser;
    }

    @DELETE
    @Operation(summary = "Erase the signed-in user (GDPR Art. 17)", description = "Deletes every flow, consent, token, "
            + "snapshot and stored transaction of the user; the tokens' destruction ends the grants at the providers. "
            + "Idempotent; leaves an audit line without personal data.")
    @APIResponse(responseCode = "204", description = "Erased (or nothing to erase)")
    public Response erase(@Context SecurityContext security) {
        eraseUser.erase(CurrentUser.of(security));
        return Response.noContent().build();
    }
}
