package io.consentgateway.adapter.in.rest.problem;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.Map;

/**
 * Completes the OpenAPI document with what every operation of the REST API ({@code /api/...}) can answer, whatever its
 * own annotations list: a 400 (a query parameter the operation does not have, or one given twice), a 401 (no valid
 * bearer token) and a 503 (the gateway's database or the provider out of reach, with {@code Retry-After}); and it
 * declares every error answer's body as an RFC 9457 {@link Problem}. The error contract is one table in
 * {@link ProblemMapper}; this keeps the document a client generator reads as true as that table, in one place instead
 * of on every resource method. Registered with {@code mp.openapi.filter}.
 */
public class ProblemResponses implements OASFilter {
    /** The responses every API operation can give, by status, with the description used when it lists none. */
    static final Map<String, String> EVERY_OPERATION = Map.of(
            "400", "A query parameter this operation does not have, or one given twice (each named in errors)",
            "401", "No valid bearer token",
            "503", "The gateway's database or the provider is out of reach; nothing was changed, try again after Retry-After");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/") && item.getOperations() != null) {
                item.getOperations().values().forEach(ProblemResponses::complete);
            }
        });
    }

    static void complete(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        EVERY_OPERATION.forEach((status, description) -> {
            if (!responses.hasAPIResponse(status)) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
            }
        });
        responses.getAPIResponses().forEach((status, response) -> {
            if (isError(status) && response.getRef() == null && response.getContent() == null) {
                asProblem(response);
            }
        });
    }

    private static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }

    private static void asProblem(APIResponse response) {
        response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("Problem"))));
    }
}
