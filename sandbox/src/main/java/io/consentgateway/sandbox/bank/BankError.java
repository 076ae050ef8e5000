package io.consentgateway.sandbox.bank;

/**
 * An OAuth-style error of the bank: {@code {"error":"invalid_grant","error_description":"..."}}.
 * Never carries a token or secret; no stack trace.
 */
public final class BankError extends RuntimeException {

    /** Which {@code WWW-Authenticate} challenge a 401 carries. */
    public enum Challenge { NONE, BASIC, BEARER }

    private final int status;
    private final String error;
    private final Challenge challenge;

    private BankError(int status, String error, String description, Challenge challenge) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
        this.challenge = challenge;
    }

    public static BankError invalidRequest(String description) {
        return new BankError(400, "invalid_request", description, Challenge.NONE);
    }

    public static BankError invalidGrant(String description) {
        return new BankError(400, "invalid_grant", description, Challenge.NONE);
    }

    public static BankError unsupportedGrantType() {
        return new BankError(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token", Challenge.NONE);
    }

    public static BankError invalidClient() {
        return new BankError(401, "invalid_client", "Client authentication failed", Challenge.BASIC);
    }

    public static BankError invalidToken() {
        return new BankError(401, "invalid_token", "The access token is invalid, expired or revoked", Challenge.BEARER);
    }

    public static BankError notFound(String description) {
        return new BankError(404, "not_found", description, Challenge.NONE);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }

    public Challenge challenge() {
        return challenge;
    }
}
