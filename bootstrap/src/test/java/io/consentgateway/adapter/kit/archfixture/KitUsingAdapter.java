package io.consentgateway.adapter.kit.archfixture;

import io.consentgateway.adapter.out.fixturea.AdapterA;

/** Deliberately wrong (test fixture): the shared adapters' kit reaching into one adapter. */
public class KitUsingAdapter {
    public Object adapter() {
        return new AdapterA();
    }
}
