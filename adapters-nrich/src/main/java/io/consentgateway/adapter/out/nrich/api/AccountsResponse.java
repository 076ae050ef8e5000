package io.consentgateway.adapter.out.nrich.api;

import jakarta.json.bind.annotation.JsonbProperty;

import java.util.List;

/** {@code GET /rest/accounts}: {@code {"accounts": [...]}}. */
public record AccountsResponse(@JsonbProperty("accounts") List<AccountDto> accounts) {
}
