package io.consentgateway.application.port.in;

/** One bad input field: its name as the caller sent it (e.g. {@code accounts[1]}) and what is wrong. */
public record FieldError(String field, String message) {
}
