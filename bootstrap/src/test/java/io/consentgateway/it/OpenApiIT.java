package io.consentgateway.it;

import io.consentgateway.it.support.Http;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document a client generator reads tells what the API answers: every operation of {@code /api} lists
 * the 400, 401 and 503 that any of them can give, and every error answer's body is an RFC 9457 problem.
 */
class OpenApiIT {

    @Test
    void everyApiOperationListsTheAnswersEveryOperationCanGiveAndEachErrorIsAProblem() {
        JsonObject paths = Http.get("/openapi?format=JSON").expect(200).json().getJsonObject("paths");
        List<String> operations = new ArrayList<>();

        for (Map.Entry<String, JsonValue> path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<String, JsonValue> operation : path.getValue().asJsonObject().entrySet()) {
                if (!(operation.getValue() instanceof JsonObject op) || !op.containsKey("responses")) {
                    continue;
                }
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                operations.add(name);
                JsonObject responses = op.getJsonObject("responses");
                assertThat(responses.keySet()).as(name).contains("400", "401", "503");
                responses.forEach((status, response) -> {
                    if (status.startsWith("4") || status.startsWith("5")) {
                        assertThat(response.asJsonObject().getJsonObject("content")).as(name + " " + status)
                                .isNotNull().containsKey("application/problem+json");
                    }
                });
            }
        }
        assertThat(operations).as("the API's operations").hasSizeGreaterThan(10)
                .contains("GET /api/v1/consents", "POST /api/v1/flows");
    }
}
