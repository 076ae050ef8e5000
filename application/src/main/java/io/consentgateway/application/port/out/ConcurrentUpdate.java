package io.consentgateway.application.port.out;

/** A stale write: somebody stored the aggregate since it was read. Nothing was overwritten. */
public class ConcurrentUpdate extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConcurrentUpdate(String message) {
        super(message);
    }
}
