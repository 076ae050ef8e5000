package io.consentgateway.application.port.in;

/** Use case: start a re-consent flow for an ongoing consent (nrich {@code /ongoing/sync}, a bank: authorize again). */
public interface RenewConsent {
    FlowStarted renew(RenewConsentCommand command);
}
