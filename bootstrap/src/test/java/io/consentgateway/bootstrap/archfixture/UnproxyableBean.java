package io.consentgateway.bootstrap.archfixture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Deliberately wrong: an application-scoped bean CDI cannot proxy (final, no constructor for the proxy). */
@ApplicationScoped
public final class UnproxyableBean {
    private final String name;

    @Inject
    public UnproxyableBean(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }
}
