package io.consentgateway.domain.flow;

/** {@code AWAITING_USER -> EXCHANGING -> COMPLETED}, or one of the other terminal states. */
public enum FlowStatus {
    AWAITING_USER, EXCHANGING, COMPLETED, CANCELLED, FAILED, EXPIRED;

    public boolean isTerminal() {
        return this != AWAITING_USER && this != EXCHANGING;
    }
}
