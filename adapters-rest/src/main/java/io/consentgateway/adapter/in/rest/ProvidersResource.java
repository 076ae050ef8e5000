package io.consentgateway.adapter.in.rest;

import io.consentgateway.adapter.in.rest.dto.ProviderResponse;
import io.consentgateway.adapter.in.rest.security.CurrentUser;
import io.consentgateway.application.port.in.ListProviders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The installed providers, for a front end that lets its users choose where to connect. */
@Path("/api/v1/providers")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Providers", description = "Which providers this gateway can connect, and what each offers")
@SecurityRequirement(name = "bearer")
public class ProvidersResource {
    private ListProviders listProviders;

    protected ProvidersResource() {
        // for CDI proxies
    }

    @Inject
    public ProvidersResource(ListProviders listProviders) {
        this.listProviders = listProviders;
    }

    @GET
    @Operation(summary = "The installed providers", description = "The default provider first, then by id.")
    @APIResponse(responseCode = "200", description = "The providers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ProviderResponse.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    public List<ProviderResponse> list(@Context SecurityContext security) {
        CurrentUser.of(security);
        return listProviders.list().stream().map(ProviderResponse::of).toList();
    }
}
