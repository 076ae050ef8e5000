package io.consentgateway.application.port.in;

/** A callback that names no flow, or not this flow (unknown or forged state, mismatched flow id). Nothing changed. */
public class InvalidCallback extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidCallback(String reason) {
        super(reason);
    }
}
