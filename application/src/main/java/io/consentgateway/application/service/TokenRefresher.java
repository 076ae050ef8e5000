package io.consentgateway.application.service;

import io.consentgateway.application.port.in.NotFound;
import io.consentgateway.application.port.out.Consents;
import io.consentgateway.application.port.out.ProviderRejected;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import io.consentgateway.application.port.out.Transactions;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.consent.ConsentStatus;
import io.consentgateway.domain.policy.ConsentPolicy;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.token.AccessToken;
import io.consentgateway.domain.token.IssuedTokens;
import io.consentgateway.domain.token.RefreshToken;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The refresh protocol: per consent, at most one refresh in flight across all nodes.
 * <ol>
 *   <li>in-process single flight (one lock per consent, gone when nobody needs it), so threads of one node queue
 *       instead of racing, and a slow refresh of one consent never holds up another;</li>
 *   <li>the consent row locked ({@link Consents#lockForRefresh}, {@code SELECT ... FOR UPDATE}) and its tokens
 *       <b>re-read under the lock</b>: if another node refreshed meanwhile, its tokens are used as they are;</li>
 *   <li>the provider called, and the new pair stored in the same short transaction before the lock is released.</li>
 * </ol>
 * A rejected refresh marks the consent {@code REAUTH_REQUIRED} and keeps its tokens; a refresh that never left
 * changes nothing (the transaction rolls back). A refresh that was sent and got no answer is <b>in doubt</b>: the
 * consent records it ({@link Consent#refreshUnanswered}) and the next attempt, by the scheduler within a tick or by a
 * read, settles it; a second unanswered attempt loses the consent rather than present the token a third time.
 * Every refusal and success is told to the provider's {@link RefusalFuse}, which the scheduler consults before it
 * refreshes.
 */
public final class TokenRefresher {

    /** How an attempt ended. */
    public enum Result {
        /** This call refreshed the tokens. */
        REFRESHED,
        /** No refresh was needed any more: someone else refreshed first, or the reason went away. */
        NOT_NEEDED,
        /**
         * The provider refused the refresh token, or a refresh in doubt could not be settled: the consent now requires
         * re-authorization.
         */
        REJECTED,
        /** The refresh was sent and no answer came: the consent records the doubt, to be settled by one more attempt. */
        IN_DOUBT,
        /** The consent cannot be refreshed in its status (expired, revoked, re-authorization required, one-time). */
        NOT_REFRESHABLE
    }

    /**
     * The consent as stored after the attempt, and how the attempt ended.
     *
     * @param unanswered for {@link Result#IN_DOUBT}, the provider failure that left the refresh in doubt
     */
    public record Attempt(Consent consent, Result result, Optional<ProviderUnavailable> unanswered) {
        Attempt(Consent consent, Result result) {
            this(consent, result, Optional.empty());
        }
    }

    private final Consents consents;
    private final Transactions transactions;
    private final ConsentProviders providers;
    private final GatewaySettings settings;
    private final Clock clock;
    private final RefusalFuse fuse;
    /** One lock per consent being refreshed on this node; an entry lives only while somebody holds or waits for it. */
    private final ConcurrentHashMap<ConsentId, InFlight> inFlight = new ConcurrentHashMap<>();

    private static final class InFlight {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }

    public TokenRefresher(Consents consents, Transactions transactions, ConsentProviders providers, GatewaySettings settings,
                          RefusalFuse fuse, Clock clock) {
        this.fuse = fuse;
        this.consents = consents;
        this.transactions = transactions;
        this.providers = providers;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A data call found {@code staleToken} expired or refused: refresh, unless the stored access token is
     * no longer that one (somebody refreshed already; use theirs).
     */
    public Attempt refreshStale(ConsentId id, AccessToken staleToken) {
        return attempt(id, consent -> consent.tokens().accessToken().equals(staleToken));
    }

    /**
     * The scheduler's look at a consent: refresh if, under the lock, a refresh is still in doubt (to settle it) or the
     * refresh token is due for renewal.
     */
    public Attempt refreshIfDue(ConsentId id) {
        return attempt(id, consent -> consent.scheduledRefreshDueAt(clock.instant(), policy(consent)));
    }

    private Attempt attempt(ConsentId id, Predicate<Consent> stillNeeded) {
        InFlight entry = inFlight.compute(id, (key, existing) -> {
            InFlight e = existing == null ? new InFlight() : existing;
            e.users++;
            return e;
        });
        entry.lock.lock();
        try {
            return transactions.inTransaction(() -> underRowLock(id, stillNeeded));
        } finally {
            entry.lock.unlock();
            inFlight.computeIfPresent(id, (key, e) -> --e.users == 0 ? null : e);
        }
    }

    /** The fuse the scheduler consults before refreshing a provider's consents. */
    public RefusalFuse fuse() {
        return fuse;
    }

    /** How many consents have a refresh in flight or waiting on this node (for tests and diagnostics). */
    int consentsInFlight() {
        return inFlight.size();
    }

    private Attempt underRowLock(ConsentId id, Predicate<Consent> stillNeeded) {
        Consent consent = consents.lockForRefresh(id).orElseThrow(() -> new NotFound("consent"));
        Instant now = clock.instant();
        ConsentPolicy policy = policy(consent);
        if (!consent.statusAt(now, policy).isReadable() || !consent.kind().isOngoing()) {
            return new Attempt(consent, Result.NOT_REFRESHABLE);
        }
        if (!stillNeeded.test(consent)) {
            return new Attempt(consent, Result.NOT_NEEDED);
        }
        Optional<RefreshToken> refreshToken = consent.refreshToken();
        if (refreshToken.isEmpty()) {
            return new Attempt(consents.save(consent.refreshRejected()), Result.REJECTED);
        }
        IssuedTokens issued;
        try {
            issued = providers.of(consent.provider()).refresh(refreshToken.get());
        } catch (ReauthorizationRequired | ProviderRejected refused) {
            fuse.refused(consent.provider(), consent.id());
            return new Attempt(consents.save(consent.refreshRejected()), Result.REJECTED);
        } catch (ProviderUnavailable unavailable) {
            if (!unavailable.requestMayHaveBeenProcessed()) {
                throw unavailable; // it never left: the token is as good as before, and nothing changes
            }
            Consent recorded = consents.save(consent.refreshUnanswered(clock.instant()));
            if (recorded.status() == ConsentStatus.REAUTH_REQUIRED) {
                fuse.refused(consent.provider(), consent.id()); // many lost at once is an incident, not users leaving
                return new Attempt(recorded, Result.REJECTED);
            }
            return new Attempt(recorded, Result.IN_DOUBT, Optional.of(unavailable));
        }
        fuse.succeeded(consent.provider());
        // Persist the rotated pair before anything else: the old refresh token is already spent. Dated at the instant
        // the lock was taken and readability checked, so a provider call that crosses the consent's end cannot make
        // the domain refuse the new pair and lose it.
        return new Attempt(consents.save(consent.refreshed(issued, now, policy)), Result.REFRESHED);
    }

    private ConsentPolicy policy(Consent consent) {
        return settings.policyFor(consent.provider());
    }
}
