package io.consentgateway.application.port.in;

/**
 * The user already has as many flows waiting for them as the gateway allows (started, the user not back from the
 * provider, not lapsed): nothing was started and no provider was asked. A waiting flow frees its place when the user
 * comes back from the provider, or when it lapses.
 */
public class TooManyWaitingFlows extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int max;

    public TooManyWaitingFlows(int max) {
        super(max + " flows are already waiting for this user; finish one or let it lapse, then start again");
        this.max = max;
    }

    /** How many flows may wait for one user at once. */
    public int max() {
        return max;
    }
}
