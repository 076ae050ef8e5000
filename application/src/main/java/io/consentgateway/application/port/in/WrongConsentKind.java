package io.consentgateway.application.port.in;

import io.consentgateway.domain.consent.ConsentKind;

/** The operation does not apply to this kind of consent (an income report of an ongoing access, a renewal of a one-time access). */
public class WrongConsentKind extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WrongConsentKind(String operation, ConsentKind kind) {
        super(operation + " does not apply to a consent of kind " + kind);
    }
}
