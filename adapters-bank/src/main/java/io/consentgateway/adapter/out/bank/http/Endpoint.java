package io.consentgateway.adapter.out.bank.http;

/** Which part of the bank's API answered: the meaning of a 400 or a 401 depends on it. */
public enum Endpoint {
    /** {@code /auth/oauth/v2/token}: code exchange and refresh, with HTTP Basic client authentication. */
    TOKEN("token endpoint"),
    /** {@code /api/v1/accounts...}: the Accounts API on behalf of the user, with a Bearer token. */
    DATA("accounts API");

    private final String label;

    Endpoint(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
