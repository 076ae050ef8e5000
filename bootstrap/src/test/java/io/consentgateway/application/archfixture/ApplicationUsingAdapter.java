package io.consentgateway.application.archfixture;

import io.consentgateway.adapter.out.fixturea.AdapterA;

/** Deliberately wrong (test fixture): the application reaching into an adapter. */
public class ApplicationUsingAdapter {
    public AdapterA adapter() {
        return new AdapterA();
    }
}
