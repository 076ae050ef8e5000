package io.consentgateway.adapter.in.rest.dto;

import io.consentgateway.application.port.in.ListProviders;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One installed provider. */
@Schema(name = "Provider", example = "{\"id\":\"tatrabanka\",\"kinds\":[\"ONE_TIME_ACCESS\",\"ONGOING_ACCESS\"],\"default\":false}")
public record ProviderResponse(
        @Schema(description = "The id to name in POST /api/v1/flows", example = "nrich") String id,
        @Schema(description = "The kinds of flow it offers") List<String> kinds,
        @Schema(description = "Whether a flow that names no provider goes to it") boolean isDefault) {

    public static ProviderResponse of(ListProviders.ProviderView view) {
        return new ProviderResponse(view.id().value(), view.kinds().stream().map(Enum::name).sorted().toList(), view.isDefault());
    }
}
