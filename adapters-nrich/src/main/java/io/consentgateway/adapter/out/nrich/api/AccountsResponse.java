package io.consentgateway.adapter.out.nrich.api;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;

/**
 * {@code GET /rest/accounts}: {@code {"accounts": [...]}}. The list is kept as a JSON value so that one odd item
 * cannot fail the whole answer; {@code NrichMapping.accountItems} reads each item on its own.
 */
public record AccountsResponse(@JsonbProperty("accounts") JsonValue accounts) {
}
