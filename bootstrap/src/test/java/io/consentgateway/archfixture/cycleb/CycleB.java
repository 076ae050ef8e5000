package io.consentgateway.archfixture.cycleb;

import io.consentgateway.archfixture.cyclea.CycleA;

/** Deliberately wrong (test fixture): the other half of a package cycle. */
public class CycleB {
    public CycleA back() {
        return null;
    }
}
