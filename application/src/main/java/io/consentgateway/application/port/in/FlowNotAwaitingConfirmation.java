package io.consentgateway.application.port.in;

/** A confirmation came before the provider's callback brought a code (or for a flow that completes without one). */
public class FlowNotAwaitingConfirmation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FlowNotAwaitingConfirmation(String message) {
        super(message);
    }
}
