package io.consentgateway.application.port.in;

/** Use case: the provider sent the user's browser back; validate, exchange the code, store the consent. */
public interface HandleCallback {
    /** @throws InvalidCallback for an unknown or forged state or a mismatched flow id; the provider is not called */
    CallbackOutcome handle(CallbackCommand command);
}
