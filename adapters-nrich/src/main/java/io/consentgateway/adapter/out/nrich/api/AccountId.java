package io.consentgateway.adapter.out.nrich.api;

import jakarta.json.bind.annotation.JsonbProperty;

/** One pre-selected account in a flow request: {@code {"id": "DE82..."}} (an IBAN, account number or PAN). */
public record AccountId(@JsonbProperty("id") String id) {
}
