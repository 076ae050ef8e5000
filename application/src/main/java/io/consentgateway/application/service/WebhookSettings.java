package io.consentgateway.application.service;

import java.time.Duration;
import java.util.List;

/**
 * How the gateway delivers its events (webhooks).
 *
 * @param endpoints       the names of the endpoints every event goes to; none: no event is recorded
 * @param retrySchedule   the pause before each retry of an attempt that was not taken; after the last one the delivery is
 *                        given up (the default, the Standard Webhooks schedule, spans a little over 27 hours)
 * @param jitter          each pause is varied by up to this fraction either way, so the retries of a burst spread out
 * @param inFlight        at most this many deliveries per endpoint on their way at once, per node
 * @param lease           how long a claimed delivery is this node's before another node may take it (longer than an
 *                        attempt can last)
 * @param keepFinished    how long an event whose deliveries all ended is kept for the operator to look at
 */
public record WebhookSettings(List<String> endpoints, List<Duration> retrySchedule, double jitter, int inFlight,
                              Duration lease, Duration keepFinished) {

    /** The Standard Webhooks retry schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h after the first attempt. */
    public static final List<Duration> STANDARD_SCHEDULE = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));

    public WebhookSettings {
        endpoints = List.copyOf(endpoints);
        retrySchedule = List.copyOf(retrySchedule);
        check(retrySchedule.stream().noneMatch(pause -> pause.isNegative() || pause.isZero()), "every retry pause must be positive");
        check(jitter >= 0 && jitter < 1, "the jitter must be at least 0 and below 1");
        check(inFlight > 0, "at least one delivery per endpoint must be allowed on its way");
        check(lease.compareTo(Duration.ofSeconds(1)) >= 0, "the lease must be at least a second");
        check(!keepFinished.isNegative(), "the time finished events are kept cannot be negative");
    }

    private static void check(boolean holds, String otherwise) {
        if (!holds) {
            throw new IllegalArgumentException(otherwise);
        }
    }

    /** The defaults (the Standard Webhooks schedule, 20 % jitter, 8 in flight), and no endpoint. */
    public static WebhookSettings defaults() {
        return new WebhookSettings(List.of(), STANDARD_SCHEDULE, 0.2, 8, Duration.ofMinutes(2), Duration.ofDays(7));
    }

    public WebhookSettings withEndpoints(List<String> names) {
        return new WebhookSettings(names, retrySchedule, jitter, inFlight, lease, keepFinished);
    }

    public boolean enabled() {
        return !endpoints.isEmpty();
    }

    /** Attempts in all: the first and one per pause of the schedule. */
    public int maxAttempts() {
        return retrySchedule.size() + 1;
    }
}
