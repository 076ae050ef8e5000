package io.consentgateway.application.port.in;

/**
 * No such flow or consent for this user. A foreign id gets exactly the same answer as a missing one, so an
 * id reveals nothing about other users.
 */
public class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFound(String what) {
        super(what + " not found");
    }
}
