package io.consentgateway.adapter.out.nrich.http;

/** Which group of nrich's API answered: the meaning of a 400 or a 401 depends on it. */
public enum Endpoint {
    /** {@code /ongoing/access}, {@code /onetime/*}, {@code /ongoing/sync}: the application's own calls. */
    FLOW("flow initiation"),
    /** {@code /auth/token}: code exchange and refresh. */
    TOKEN("token endpoint"),
    /** {@code /rest/...}: data on behalf of the user. */
    DATA("data API");

    private final String label;

    Endpoint(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
