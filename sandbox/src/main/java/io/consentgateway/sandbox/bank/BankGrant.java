package io.consentgateway.sandbox.bank;

/** What a bank grant covers: the consented accounts of one user. */
public record BankGrant(String user) {
}
