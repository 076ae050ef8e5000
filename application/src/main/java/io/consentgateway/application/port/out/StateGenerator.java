package io.consentgateway.application.port.out;

import io.consentgateway.domain.flow.State;

/** Makes a fresh, unguessable {@link State} per flow. */
public interface StateGenerator {
    State newState();
}
