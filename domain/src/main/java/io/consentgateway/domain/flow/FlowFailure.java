package io.consentgateway.domain.flow;

/** Why a flow ended in {@link FlowStatus#FAILED}. Stable names: they reach the API as the failure reason. */
public enum FlowFailure {
    /** The provider reported {@code success=false}, or an OAuth {@code error} other than access_denied. */
    PROVIDER_REPORTED_FAILURE,
    /** A successful callback came without a usable code: none, or one no provider issues (too long, not visible ASCII). */
    MISSING_CODE,
    /** The code's lifetime passed before it could be exchanged. */
    CODE_EXPIRED,
    /**
     * The exchange began and never ended within the policy's exchange timeout: the node exchanging it died. The code
     * may have been spent, so it is not presented again; the user starts again.
     */
    EXCHANGE_INTERRUPTED,
    /** The provider refused the code exchange. */
    EXCHANGE_REJECTED,
    /** The provider could not be reached, or its answer was lost; the code may be spent, so it is not retried. */
    PROVIDER_UNAVAILABLE,
    /**
     * The provider refused this gateway itself at the code exchange (client credentials, certificate, endpoint):
     * an operator's matter, reported on readiness and in the log; the user can try again once it is fixed.
     */
    PROVIDER_MISCONFIGURED,
    /** The provider issued tokens but they could not be stored; the code is spent, the user must start again. */
    NOT_STORED,
    /**
     * A flow completed by confirmation was confirmed, with its confirmation code, by another user than the one who
     * started it: the sign of a widget link passed to a victim. The held code is dropped unexchanged.
     */
    CONFIRMED_BY_ANOTHER_USER
}
