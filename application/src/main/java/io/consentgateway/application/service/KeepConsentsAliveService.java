package io.consentgateway.application.service;

import io.consentgateway.application.port.in.KeepAliveReport;
import io.consentgateway.application.port.in.KeepConsentsAlive;
import io.consentgateway.application.port.in.NotFound;
import io.consentgateway.application.port.out.ConcurrentUpdate;
import io.consentgateway.application.port.out.Consents;
import io.consentgateway.application.port.out.Flows;
import io.consentgateway.application.port.out.ProviderMisconfigured;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.consent.ConsentStatus;
import io.consentgateway.domain.flow.Flow;
import io.consentgateway.domain.policy.ConsentPolicy;
import io.consentgateway.domain.shared.ConsentId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One scheduler tick: lapse abandoned flows, then claim a batch of due consents (other nodes never get the
 * same ones) and for each either renew its refresh token through the refresh protocol or store the status it
 * has reached, in as many lanes at once as the node was given. A refresh left in doubt (sent, never answered) makes
 * its consent due again shortly, so the next run settles it. A background refresh is not user activity, so it never extends an ongoing consent's inactivity limit.
 */
public final class KeepConsentsAliveService implements KeepConsentsAlive {
    private final Flows flows;
    private final Consents consents;
    private final TokenRefresher refresher;
    private final GatewaySettings settings;
    private final Clock clock;

    private final Executor executor;
    private final int parallelism;

    /** One consent after the other, on the caller's thread. */
    public KeepConsentsAliveService(Flows flows, Consents consents, TokenRefresher refresher, GatewaySettings settings,
                                    Clock clock) {
        this(flows, consents, refresher, settings, clock, Runnable::run, 1);
    }

    /**
     * @param executor    runs the lanes of a batch
     * @param parallelism how many claimed consents are worked on at once: each lane takes the next claimed consent
     *                    when it has finished one. A refresh mostly waits (for the database, for the provider), so a
     *                    few lanes multiply a node's refresh rate. {@link #run} returns when every lane has finished.
     */
    public KeepConsentsAliveService(Flows flows, Consents consents, TokenRefresher refresher, GatewaySettings settings,
                                    Clock clock, Executor executor, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be positive");
        }
        this.flows = flows;
        this.consents = consents;
        this.refresher = refresher;
        this.settings = settings;
        this.clock = clock;
        this.executor = executor;
        this.parallelism = parallelism;
    }

    @Override
    public KeepAliveReport run(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        Instant now = clock.instant();
        int[] flowsFailed = {0};
        int flowsLapsed = lapseFlows(now, batchSize, flowsFailed);
        int abandoned = refresher.settleAbandoned(batchSize);
        List<ConsentId> claimed = consents.claimDue(now, batchSize, now.plus(settings.claimLease()));
        Tally tally = new Tally(abandoned);
        Queue<ConsentId> waiting = new ConcurrentLinkedQueue<>(claimed);
        CompletableFuture<?>[] running = new CompletableFuture<?>[Math.min(parallelism, claimed.size())];
        for (int lane = 0; lane < running.length; lane++) {
            running[lane] = CompletableFuture.runAsync(() -> {
                for (ConsentId id = waiting.poll(); id != null; id = waiting.poll()) {
                    lookAfter(id, now, tally);
                }
            }, executor);
        }
        CompletableFuture.allOf(running).join();
        return new KeepAliveReport(claimed.size(), tally.refreshed.get(), tally.reauth.get(), tally.expiringSoon.get(),
                tally.expired.get(), tally.deferred.get(), tally.inDoubt.get(), flowsLapsed, flowsFailed[0],
                tally.failed.get(), List.copyOf(tally.failures));
    }

    /** What happened to the claimed consents of one run; lanes count into it at once. */
    private static final class Tally {
        final AtomicInteger refreshed = new AtomicInteger();
        final AtomicInteger reauth = new AtomicInteger();
        final AtomicInteger expiringSoon = new AtomicInteger();
        final AtomicInteger expired = new AtomicInteger();
        final AtomicInteger deferred = new AtomicInteger();
        final AtomicInteger inDoubt;
        final AtomicInteger failed = new AtomicInteger();
        final Queue<ConsentId> failures = new ConcurrentLinkedQueue<>();

        Tally(int abandonedInDoubt) {
            inDoubt = new AtomicInteger(abandonedInDoubt);
        }
    }

    /** One claimed consent: renew its refresh token if due, else store the status it has reached. */
    private void lookAfter(ConsentId id, Instant now, Tally tally) {
        try {
            Consent consent = consents.findById(id).orElseThrow(() -> new NotFound("consent"));
            ConsentPolicy policy = settings.policyFor(consent.provider());
            ConsentStatus before = consent.status();
            Consent after;
            boolean refreshDue = consent.scheduledRefreshDueAt(now, policy);
            if (refreshDue && !refresher.fuse().allowsScheduledRefresh(consent.provider())) {
                // The provider refuses many consents at once: an incident on its side, not so many users leaving.
                // Touch nothing; look again later, when the fuse may have been reset.
                tally.deferred.incrementAndGet();
                deferConsent(id, Optional.empty());
                return;
            }
            if (refreshDue) {
                TokenRefresher.Attempt attempt = refresher.refreshIfDue(id);
                switch (attempt.result()) {
                    case REFRESHED -> tally.refreshed.incrementAndGet();
                    case REJECTED -> tally.reauth.incrementAndGet();
                    case IN_DOUBT -> tally.inDoubt.incrementAndGet(); // due again shortly: the next run settles it
                    default -> { }
                }
                after = attempt.result() == TokenRefresher.Result.NOT_NEEDED
                        || attempt.result() == TokenRefresher.Result.NOT_REFRESHABLE
                        ? consents.save(attempt.consent().review(clock.instant(), policy))
                        : attempt.consent();
            } else {
                after = consents.save(consent.review(now, policy));
            }
            if (after.status() != before && after.status() == ConsentStatus.EXPIRING_SOON) {
                tally.expiringSoon.incrementAndGet();
            }
            if (after.status() != before && after.status() == ConsentStatus.EXPIRED) {
                tally.expired.incrementAndGet();
            }
        } catch (ProviderUnavailable outage) {
            tally.deferred.incrementAndGet();
            deferConsent(id, outage.retryAfter());
        } catch (ProviderMisconfigured refusedUs) {
            // The provider refuses this gateway, not the user's grant: the consent stays as it is, to be tried
            // again once an operator has fixed the configuration.
            tally.deferred.incrementAndGet();
            deferConsent(id, Optional.empty());
        } catch (ConcurrentUpdate | NotFound raced) {
            // stored or removed meanwhile; the lease runs out and the next tick looks again
        } catch (RuntimeException broken) {
            // One consent that cannot be processed (an unreadable row, a bug) must not stop the others: it stays
            // leased until its lease runs out, and the report counts it so the scheduler can log it.
            tally.failed.incrementAndGet();
            tally.failures.add(id);
        }
    }

    /**
     * Lapses abandoned flows. A failure here is counted in {@code failed[0]} and never keeps the consents from being
     * looked after; a lost race with the callback is no failure.
     */
    private int lapseFlows(Instant now, int batchSize, int[] failed) {
        int lapsed = 0;
        List<Flow> due;
        try {
            due = flows.findLapsed(now, batchSize);
        } catch (RuntimeException unreadable) {
            failed[0]++;
            return 0;
        }
        for (Flow flow : due) {
            Optional<Flow> ended = flow.unfinished()
                    .filter(unfinished -> unfinished.isLapsedAt(now))
                    .map(unfinished -> unfinished.lapse(now));
            if (ended.isEmpty()) {
                failed[0]++; // the store took it for lapsed, the flow does not: a disagreement to look into
                continue;
            }
            try {
                flows.save(ended.get());
                lapsed++;
            } catch (ConcurrentUpdate raced) {
                // the callback got there first
            } catch (RuntimeException broken) {
                failed[0]++;
            }
        }
        return lapsed;
    }

    private void deferConsent(ConsentId id, Optional<Duration> retryAfter) {
        // The provider's wait, if longer than our own, but never more than the cap: an absurd Retry-After must neither
        // put off a renewal past the refresh token's end nor overflow the instant arithmetic.
        Duration wait = retryAfter.filter(d -> d.compareTo(settings.retryDelay()) > 0).orElse(settings.retryDelay());
        Instant retryAt = clock.instant().plus(wait.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : wait);
        consents.findById(id).ifPresent(consent -> {
            try {
                consents.save(consent.checkAgainAt(retryAt));
            } catch (ConcurrentUpdate raced) {
                // someone stored it meanwhile; their next check time stands
            }
        });
    }
}
