package io.consentgateway.adapter.out.fixturea;

import io.consentgateway.adapter.out.fixtureb.AdapterB;

/** Deliberately wrong (test fixture): one adapter using another. */
public class AdapterA {
    public AdapterB other() {
        return new AdapterB();
    }
}
