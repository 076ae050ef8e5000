package io.consentgateway.adapter.in.archfixture;

import io.consentgateway.application.port.out.ConcurrentUpdate;

/** Deliberately wrong (test fixture): an inbound adapter that knows an out-port's failure. */
public class InboundUsingPortOut {
    public boolean isConflict(Throwable failure) {
        return failure instanceof ConcurrentUpdate;
    }
}
