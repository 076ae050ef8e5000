package io.consentgateway.domain.flow;

/**
 * {@code AWAITING_USER -> EXCHANGING -> COMPLETED}, or one of the other terminal states; with confirmed completion
 * {@code AWAITING_USER -> AWAITING_CONFIRMATION -> EXCHANGING -> COMPLETED}.
 */
public enum FlowStatus {
    AWAITING_USER,
    /** The callback brought a code, which is held (encrypted) until the user who started the flow confirms it. */
    AWAITING_CONFIRMATION,
    EXCHANGING, COMPLETED, CANCELLED, FAILED, EXPIRED;

    public boolean isTerminal() {
        return this != AWAITING_USER && this != AWAITING_CONFIRMATION && this != EXCHANGING;
    }
}
