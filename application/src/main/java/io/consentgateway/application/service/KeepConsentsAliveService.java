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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One scheduler tick: lapse abandoned flows, then claim a batch of due consents (other nodes never get the
 * same ones) and for each either renew its refresh token through the refresh protocol or store the status it
 * has reached. A refresh left in doubt (sent, never answered) makes its consent due again shortly, so the next run settles
 * it. A background refresh is not user activity, so it never extends an ongoing consent's inactivity limit.
 */
public final class KeepConsentsAliveService implements KeepConsentsAlive {
    private final Flows flows;
    private final Consents consents;
    private final TokenRefresher refresher;
    private final GatewaySettings settings;
    private final Clock clock;

    public KeepConsentsAliveService(Flows flows, Consents consents, TokenRefresher refresher, GatewaySettings settings,
                                    Clock clock) {
        this.flows = flows;
        this.consents = consents;
        this.refresher = refresher;
        this.settings = settings;
        this.clock = clock;
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
        List<ConsentId> failures = new ArrayList<>();
        int refreshed = 0, reauth = 0, expiringSoon = 0, expired = 0, deferred = 0, inDoubt = abandoned, failed = 0;
        for (ConsentId id : claimed) {
            try {
                Consent consent = consents.findById(id).orElseThrow(() -> new NotFound("consent"));
                ConsentPolicy policy = settings.policyFor(consent.provider());
                ConsentStatus before = consent.status();
                Consent after;
                boolean refreshDue = consent.scheduledRefreshDueAt(now, policy);
                if (refreshDue && !refresher.fuse().allowsScheduledRefresh(consent.provider())) {
                    // The provider refuses many consents at once: an incident on its side, not so many users leaving.
                    // Touch nothing; look again later, when the fuse may have been reset.
                    deferred++;
                    deferConsent(id, Optional.empty());
                    continue;
                }
                if (refreshDue) {
                    TokenRefresher.Attempt attempt = refresher.refreshIfDue(id);
                    switch (attempt.result()) {
                        case REFRESHED -> refreshed++;
                        case REJECTED -> reauth++;
                        case IN_DOUBT -> inDoubt++; // due again shortly: the next run settles it
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
                    expiringSoon++;
                }
                if (after.status() != before && after.status() == ConsentStatus.EXPIRED) {
                    expired++;
                }
            } catch (ProviderUnavailable outage) {
                deferred++;
                deferConsent(id, outage.retryAfter());
            } catch (ProviderMisconfigured refusedUs) {
                // The provider refuses this gateway, not the user's grant: the consent stays as it is, to be tried
                // again once an operator has fixed the configuration.
                deferred++;
                deferConsent(id, Optional.empty());
            } catch (ConcurrentUpdate | NotFound raced) {
                // stored or removed meanwhile; the lease runs out and the next tick looks again
            } catch (RuntimeException broken) {
                // One consent that cannot be processed (an unreadable row, a bug) must not stop the others: it stays
                // leased until its lease runs out, and the report counts it so the scheduler can log it.
                failed++;
                failures.add(id);
            }
        }
        return new KeepAliveReport(claimed.size(), refreshed, reauth, expiringSoon, expired, deferred, inDoubt, flowsLapsed,
                flowsFailed[0], failed, List.copyOf(failures));
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
            try {
                flows.save(flow.lapse(now));
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
