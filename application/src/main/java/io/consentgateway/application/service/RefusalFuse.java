package io.consentgateway.application.service;

import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.ProviderId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The scheduler's fuse per provider: when the provider refuses the refresh of more than {@code threshold} distinct
 * consents within {@code window}, that is a provider-side incident, not so many users withdrawing at once, and the
 * scheduler stops refreshing that provider's consents (they are deferred, untouched) instead of marking every one
 * {@code REAUTH_REQUIRED}. While blown it lets one scheduled refresh through per window as a probe; the next
 * successful refresh of that provider (the probe, or one a user's read made) resets it, as does a restart of the node.
 * Each node keeps its own fuse.
 */
public final class RefusalFuse {
    private final int threshold;
    private final Duration window;
    private final Clock clock;
    private final Map<ProviderId, State> states = new HashMap<>();

    private static final class State {
        final Map<ConsentId, Instant> refusals = new HashMap<>();
        Instant blownAt;
        Instant nextProbeAt;
    }

    /**
     * @param threshold the most distinct refused consents of one provider within {@code window} that are still taken as
     *                  the users' own (one more blows the fuse)
     */
    public RefusalFuse(int threshold, Duration window, Clock clock) {
        if (threshold < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the fuse needs a positive threshold and window");
        }
        this.threshold = threshold;
        this.window = window;
        this.clock = clock;
    }

    /** The provider refused the refresh of this consent (its grant is gone, or so it says). */
    public synchronized void refused(ProviderId provider, ConsentId consent) {
        Instant now = clock.instant();
        State state = states.computeIfAbsent(provider, p -> new State());
        state.refusals.values().removeIf(at -> !at.isAfter(now.minus(window)));
        state.refusals.put(consent, now);
        if (state.blownAt == null && state.refusals.size() > threshold) {
            state.blownAt = now;
            state.nextProbeAt = now.plus(window);
        }
    }

    /** A refresh of this provider succeeded: whatever the incident was, it is over. */
    public synchronized void succeeded(ProviderId provider) {
        states.remove(provider);
    }

    /**
     * May the scheduler refresh a consent of this provider now? Always while the fuse holds; while it is blown, once per
     * window (the probe).
     */
    public synchronized boolean allowsScheduledRefresh(ProviderId provider) {
        State state = states.get(provider);
        if (state == null || state.blownAt == null) {
            return true;
        }
        Instant now = clock.instant();
        if (now.isBefore(state.nextProbeAt)) {
            return false;
        }
        state.nextProbeAt = now.plus(window);
        return true;
    }

    /** The providers whose fuse is blown, for the operator (log, readiness). */
    public synchronized Set<ProviderId> blown() {
        Set<ProviderId> blown = new TreeSet<>((a, b) -> a.value().compareTo(b.value()));
        states.forEach((provider, state) -> {
            if (state.blownAt != null) {
                blown.add(provider);
            }
        });
        return blown;
    }
}
