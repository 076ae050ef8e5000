package io.consentgateway.archfixture.cyclea;

import io.consentgateway.archfixture.cycleb.CycleB;

/** Deliberately wrong (test fixture): half of a package cycle. */
public class CycleA {
    public CycleB next() {
        return null;
    }
}
