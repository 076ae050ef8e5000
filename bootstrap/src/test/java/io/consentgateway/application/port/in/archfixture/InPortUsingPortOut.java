package io.consentgateway.application.port.in.archfixture;

import io.consentgateway.application.port.out.ProviderUnavailable;

/** Deliberately wrong (test fixture): an in-port that declares an out-port's failure. */
public interface InPortUsingPortOut {
    void read() throws ProviderUnavailable;
}
