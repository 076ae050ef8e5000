package io.consentgateway.bootstrap.archfixture;

import io.consentgateway.adapter.out.fixturea.AdapterA;

/** Deliberately wrong: a composition root that names a provider adapter instead of discovering it. */
public class BootstrapUsingProvider {
    public Object provider() {
        return new AdapterA();
    }
}
