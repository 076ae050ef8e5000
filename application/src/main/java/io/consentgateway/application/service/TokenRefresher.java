package io.consentgateway.application.service;

import io.consentgateway.application.port.in.NotFound;
import io.consentgateway.application.port.out.ConcurrentUpdate;
import io.consentgateway.application.port.out.Consents;
import io.consentgateway.application.port.out.ProviderRejected;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import io.consentgateway.application.port.out.RefreshJournal;
import io.consentgateway.application.port.out.UnitOfWork;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.consent.ConsentStatus;
import io.consentgateway.domain.policy.ConsentPolicy;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.token.AccessToken;
import io.consentgateway.domain.token.IssuedTokens;
import io.consentgateway.domain.token.RefreshToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The refresh protocol: per consent, at most one refresh in flight across all nodes.
 * <ol>
 *   <li>in-process single flight (one lock per consent, gone when nobody needs it), so threads of one node queue
 *       instead of racing, and a slow refresh of one consent never holds up another;</li>
 *   <li>the consent row locked ({@link Consents#lockForRefresh}, {@code SELECT ... FOR UPDATE}) and its tokens
 *       <b>re-read under the lock</b>: if another node refreshed meanwhile, its tokens are used as they are;</li>
 *   <li>a note in the {@link RefreshJournal}, committed on its own before the refresh token is sent;</li>
 *   <li>the provider called, and the new pair stored, and the note removed, in the same short transaction before the
 *       lock is released.</li>
 * </ol>
 * A rejected refresh marks the consent {@code REAUTH_REQUIRED} and keeps its tokens; a refresh that never left
 * changes nothing (the transaction rolls back). A refresh that was sent and got no answer is <b>in doubt</b>: the
 * consent records it ({@link Consent.Refreshable#refreshUnanswered}) and the next attempt, by the scheduler within a tick or by a
 * read, settles it; a second unanswered attempt loses the consent rather than present the token a third time. A node
 * that dies with a refresh in flight (after the provider rotated the token, perhaps) leaves its journal note behind:
 * the next attempt, or the scheduler's look for {@link #settleAbandoned abandoned notes}, records that refresh as in
 * doubt exactly as if it had timed out, instead of trusting a refresh token that may be spent.
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

    /** A note older than this has no living writer (no refresh call lasts this long); the scheduler settles it. */
    public static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    private final Consents consents;
    private final RefreshJournal journal;
    private final UnitOfWork unitOfWork;
    private final ConsentProviders providers;
    private final GatewaySettings settings;
    private final Clock clock;
    private final RefusalFuse fuse;
    /** One lock per consent being refreshed on this node. */
    private final KeyedLocks<ConsentId> inFlight = new KeyedLocks<>();

    public TokenRefresher(Consents consents, RefreshJournal journal, UnitOfWork unitOfWork, ConsentProviders providers,
                          GatewaySettings settings, RefusalFuse fuse, Clock clock) {
        this.fuse = fuse;
        this.consents = consents;
        this.journal = journal;
        this.unitOfWork = unitOfWork;
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

    /**
     * The scheduler's look for refreshes whose node died in flight: each note older than {@link #ABANDONED_AFTER} is
     * settled under its consent's lock (recorded as in doubt, to be settled by one more attempt), however far the
     * consent's next renewal is.
     *
     * @return how many abandoned refreshes were recorded as in doubt
     */
    public int settleAbandoned(int limit) {
        int recorded = 0;
        for (ConsentId id : journal.abandoned(clock.instant().minus(ABANDONED_AFTER), limit)) {
            try {
                attempt(id, consent -> false);
                recorded++;
            } catch (NotFound gone) {
                journal.withdrawn(id); // the note of a consent that no longer exists
            } catch (ConcurrentUpdate busy) {
                // its row is locked or was stored meanwhile: the next run looks again
            }
        }
        return recorded;
    }

    private Attempt attempt(ConsentId id, Predicate<Consent> stillNeeded) {
        return inFlight.withLock(id, () -> unitOfWork.inTransaction(() -> underRowLock(id, stillNeeded)));
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
        Consent locked = consents.lockForRefresh(id).orElseThrow(() -> new NotFound("consent"));
        Instant now = clock.instant();
        ConsentPolicy policy = policy(locked);
        // We hold the lock, so a note found now has no living writer: its refresh was perhaps answered, never stored.
        Optional<Instant> leftBehind = journal.unsettled(id);
        Optional<Consent.Refreshable> asked = locked.refreshable(now, policy);
        if (asked.isEmpty()) { // one-time, or unusable now (expired, revoked, re-authorization required)
            leftBehind.ifPresent(sentAt -> journal.settled(id));
            return new Attempt(locked, Result.NOT_REFRESHABLE);
        }
        Consent.Refreshable refreshable = asked.get();
        if (leftBehind.isPresent()) {
            Attempt recorded = inDoubt(refreshable, Optional.empty(), leftBehind.get());
            if (recorded.result() == Result.REJECTED) {
                journal.settled(id);
                return recorded;
            }
            // In doubt now, settled by the attempt below or by the scheduler shortly. Recording the doubt changed
            // neither the consent's status nor its end, so it is as refreshable now as it was.
            refreshable = recorded.consent().refreshable(now, policy).orElseThrow();
        }
        Consent consent = refreshable.consent();
        if (!stillNeeded.test(consent)) {
            leftBehind.ifPresent(sentAt -> journal.settled(id));
            return new Attempt(consent, leftBehind.isPresent() ? Result.IN_DOUBT : Result.NOT_NEEDED);
        }
        Optional<RefreshToken> refreshToken = refreshable.refreshToken();
        if (refreshToken.isEmpty()) {
            leftBehind.ifPresent(sentAt -> journal.settled(id));
            return new Attempt(consents.save(refreshable.refreshRejected()), Result.REJECTED);
        }
        // Committed on its own before the token leaves (and replacing a note left behind, which this transaction has
        // only read, so nothing waits for it). From here on, an exception not caught below leaves the note: the
        // refresh may have been sent.
        journal.sending(id, clock.instant());
        IssuedTokens issued;
        try {
            issued = providers.of(consent.provider()).refresh(refreshToken.get());
        } catch (ReauthorizationRequired | ProviderRejected refused) {
            journal.settled(id);
            fuse.refused(consent.provider(), consent.id());
            return new Attempt(consents.save(refreshable.refreshRejected()), Result.REJECTED);
        } catch (ProviderUnavailable unavailable) {
            if (!unavailable.requestMayHaveBeenProcessed()) {
                // It never left: the token is as good as before, and this transaction rolls back. A dead node's note
                // goes back as it was (its doubt is not settled yet); otherwise the note goes.
                leftBehind.ifPresentOrElse(sentAt -> journal.sending(id, sentAt), () -> journal.withdrawn(id));
                throw unavailable;
            }
            journal.settled(id);
            return inDoubt(refreshable, Optional.of(unavailable), clock.instant());
        }
        journal.settled(id);
        fuse.succeeded(consent.provider());
        // Persist the rotated pair before anything else: the old refresh token is already spent. Dated at the instant
        // the lock was taken and the consent found refreshable, so a provider call that crosses the consent's end
        // cannot make the new pair unstorable and lose it.
        return new Attempt(consents.save(refreshable.refreshed(issued)), Result.REFRESHED);
    }

    /** A refresh was sent at {@code sentAt} and its answer never stored: recorded, or the consent lost if already in doubt. */
    private Attempt inDoubt(Consent.Refreshable refreshable, Optional<ProviderUnavailable> unanswered, Instant sentAt) {
        Consent consent = refreshable.consent();
        Consent recorded = consents.save(refreshable.refreshUnanswered(sentAt));
        if (recorded.status() == ConsentStatus.REAUTH_REQUIRED) {
            fuse.refused(consent.provider(), consent.id()); // many lost at once is an incident, not users leaving
            return new Attempt(recorded, Result.REJECTED);
        }
        return new Attempt(recorded, Result.IN_DOUBT, unanswered);
    }

    private ConsentPolicy policy(Consent consent) {
        return settings.policyFor(consent.provider());
    }
}
