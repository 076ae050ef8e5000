package io.consentgateway.domain.archfixture;

/** Deliberately wrong (test fixture): a domain class that knows JAX-RS. */
public class DomainUsingJakarta {
    public jakarta.ws.rs.core.Response leak() {
        return null;
    }
}
