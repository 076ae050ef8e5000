package io.consentgateway.domain.flow;

/**
 * How a flow completes once the provider's callback brings a code. Fixed when the flow starts, so changing the
 * deployment's setting never changes what a front end that already started a flow must do.
 */
public enum FlowCompletion {
    /**
     * The callback exchanges the code at once and redirects with the outcome. The state alone binds the callback to
     * the flow, so whoever opens the widget link completes the flow of whoever started it.
     */
    REDIRECT,
    /**
     * The callback only holds the code (encrypted) and redirects with {@code CONFIRMATION_REQUIRED}; the front end then
     * confirms with the signed-in user's own credentials, and only the user who started the flow can (RFC 9700
     * §4.7.1). Defends against a widget link sent to a victim by the attacker who started the flow.
     */
    CONFIRM
}
