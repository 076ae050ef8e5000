package io.consentgateway.domain.consent;

import io.consentgateway.domain.policy.ConsentPolicy;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.DomainRuleViolation;
import io.consentgateway.domain.shared.InvalidValueException;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.shared.Require;
import io.consentgateway.domain.shared.UserId;
import io.consentgateway.domain.token.IssuedTokens;
import io.consentgateway.domain.token.RefreshToken;
import io.consentgateway.domain.token.TokenPair;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The lasting result of a completed flow: whose it is, which provider and kind, and its tokens.
 *
 * <ul>
 *   <li><b>Ongoing access</b> expires at the earliest of last user activity + inactivity limit, the refresh
 *       token's expiry and the provider's own consent end where known. A user's read is activity; a
 *       background refresh is not. {@code EXPIRING_SOON} starts the policy's warning period before the end.</li>
 *   <li><b>One-time access and income report</b> are readable for the policy's one-time lifetime after
 *       grant, never store a refresh token and are never refreshed.</li>
 *   <li>A refresh the provider rejects sets {@code REAUTH_REQUIRED} (with its {@link ReauthorizationReason}) and
 *       keeps the tokens until the consent's own end, when it expires like any other.</li>
 *   <li>A refresh that reached the provider without an answer is <b>in doubt</b>: the refresh token may have been
 *       spent by the lost answer. The consent records since when, is due for a look shortly after, and the next refresh
 *       attempt settles it: new tokens end the doubt, a refusal means {@link ReauthorizationReason#REFRESH_LOST}, and a
 *       second unanswered attempt does too, so a token in doubt is presented at most once more.</li>
 *   <li>Tokens exist while the consent can still be used or renewed in place ({@code ACTIVE}, {@code EXPIRING_SOON},
 *       {@code REAUTH_REQUIRED}); the transition to {@code EXPIRED} or {@code REVOKED} destroys them.</li>
 * </ul>
 * The derived instants ({@code expiresAt}, {@code nextCheckAt}) are computed by every transition from the
 * policy in force and stored with the consent, so the scheduler can find due consents by an index.
 *
 * <pre>
 *   grant --> ACTIVE --(the warning period before its end; ongoing only)--> EXPIRING_SOON
 *
 *   ACTIVE or EXPIRING_SOON at the instant asked for: Usable
 *       recordUserActivity --> its inactivity clock restarted (EXPIRING_SOON may be ACTIVE again)
 *       endedByProvider    --> EXPIRED
 *     and, if ongoing, also Refreshable
 *       refreshed          --> new tokens, status kept (a doubt settled)
 *       refreshUnanswered  --> in doubt, status kept; if in doubt already --> REAUTH_REQUIRED (REFRESH_LOST)
 *       refreshRejected    --> REAUTH_REQUIRED (REFRESH_REJECTED, or REFRESH_LOST after a doubt)
 *   ACTIVE, EXPIRING_SOON, REAUTH_REQUIRED --(its end passes; review stores it)--> EXPIRED
 *   any status but REVOKED, if ongoing: Reauthorizable
 *       reauthorized       --> ACTIVE (a renewal flow completed)
 *   any status but REVOKED: Revocable
 *       revoke             --> REVOKED
 * </pre>
 *
 * Which operations a consent offers depends on its status, and the types say so, as for a flow: {@link #usable},
 * {@link #refreshable}, {@link #reauthorizable()} and {@link #revocable()} answer the consent seen in that state (a
 * {@link Usable}, {@link Refreshable}, {@link Reauthorizable} or {@link Revocable}), or nothing if it is not in it; each
 * offers the operations its state allows and only those, so a one-time consent has no {@code refreshed} to call, and
 * a revoked one no {@code revoke}. Part of a consent's status is the clock's ({@link #statusAt}: a stored
 * {@code ACTIVE} consent past its end is {@code EXPIRED}), so the views that depend on it are taken at an instant with
 * the policy in force, and their operations happen at that instant. The states are views, not copies: {@code Consent}
 * is the aggregate the repository stores and restores, and each operation returns the new {@code Consent}. What any
 * consent can do, whatever its status (the scheduler's {@link #review}, {@link #checkAgainAt}), stays on the consent.
 */
public final class Consent {

    /**
     * The grain at which a user's reads are recorded. A read within this long of the last recorded one is not stored
     * again, so a busy consent costs one write an hour instead of one a read. The inactivity limit is then counted from
     * a read at most an hour earlier than the true last one: an ongoing consent may lapse up to an hour before the
     * provider would end it, never after. No read is lost: the first read of every hour is recorded.
     */
    public static final Duration ACTIVITY_GRAIN = Duration.ofHours(1);

    /** Everything a consent is, for storage and for {@link #restore(Snapshot)}. */
    public record Snapshot(
            ConsentId id,
            UserId userId,
            ProviderId provider,
            ConsentKind kind,
            Optional<String> providerFlowId,
            ConsentStatus status,
            Optional<TokenPair> tokens,
            Instant grantedAt,
            Instant lastUserActivityAt,
            Optional<Instant> lastRefreshedAt,
            Optional<Instant> providerConsentEndsAt,
            Instant expiresAt,
            Optional<Instant> nextCheckAt,
            Optional<Instant> refreshInDoubtSince,
            Optional<ReauthorizationReason> reauthorizationReason,
            long version) {

        public Snapshot {
            Require.nonNull(id, "consent id");
            Require.nonNull(userId, "user id");
            Require.nonNull(provider, "provider");
            Require.nonNull(kind, "kind");
            Require.optionals("consent snapshot", providerFlowId, tokens, lastRefreshedAt, providerConsentEndsAt,
                    nextCheckAt, refreshInDoubtSince, reauthorizationReason);
            Require.nonNull(status, "status");
            Require.nonNull(grantedAt, "granted at");
            Require.nonNull(lastUserActivityAt, "last user activity at");
            Require.nonNull(expiresAt, "expires at");
            if (holdsTokens(status) != tokens.isPresent()) {
                throw new InvalidValueException("a consent has tokens until, and only until, it expires or is revoked");
            }
            if ((status == ConsentStatus.REAUTH_REQUIRED) != reauthorizationReason.isPresent()) {
                throw new InvalidValueException("a consent that requires re-authorization, and only such a consent, has a reason");
            }
            if (refreshInDoubtSince.isPresent() && !(status.isReadable() && kind.isOngoing())) {
                throw new InvalidValueException("only a usable ongoing consent can have a refresh in doubt");
            }
            if (!kind.isOngoing() && tokens.flatMap(TokenPair::refreshToken).isPresent()) {
                throw new InvalidValueException("a one-time consent never stores a refresh token");
            }
            if (version < 0) {
                throw new InvalidValueException("version must not be negative");
            }
        }

        /** The statuses in which a consent holds its tokens. */
        static boolean holdsTokens(ConsentStatus status) {
            return status.isReadable() || status == ConsentStatus.REAUTH_REQUIRED;
        }

        /** The same consent with its changing part replaced, its marks kept; identity, grant time and version stay. */
        Snapshot with(ConsentStatus status, Optional<TokenPair> tokens, Instant lastUserActivityAt,
                      Optional<Instant> lastRefreshedAt, Optional<Instant> providerConsentEndsAt, Instant expiresAt,
                      Optional<Instant> nextCheckAt) {
            return with(status, tokens, lastUserActivityAt, lastRefreshedAt, providerConsentEndsAt, expiresAt, nextCheckAt,
                    refreshInDoubtSince, reauthorizationReason);
        }

        /** The same consent with its changing part and its marks (refresh in doubt, re-authorization reason) replaced. */
        Snapshot with(ConsentStatus status, Optional<TokenPair> tokens, Instant lastUserActivityAt,
                      Optional<Instant> lastRefreshedAt, Optional<Instant> providerConsentEndsAt, Instant expiresAt,
                      Optional<Instant> nextCheckAt, Optional<Instant> inDoubtSince, Optional<ReauthorizationReason> reason) {
            return new Snapshot(id, userId, provider, kind, providerFlowId, status, tokens, grantedAt, lastUserActivityAt,
                    lastRefreshedAt, providerConsentEndsAt, expiresAt, nextCheckAt, inDoubtSince, reason, version);
        }

        Snapshot withVersion(long newVersion) {
            return new Snapshot(id, userId, provider, kind, providerFlowId, status, tokens, grantedAt, lastUserActivityAt,
                    lastRefreshedAt, providerConsentEndsAt, expiresAt, nextCheckAt, refreshInDoubtSince,
                    reauthorizationReason, newVersion);
        }
    }

    private final Snapshot s;
    private final Stored stored;

    private Consent(Snapshot snapshot, Stored stored) {
        this.s = snapshot;
        this.stored = stored;
    }

    /**
     * What the consent was when it was last read from or written to its repository, and whether it was renewed since:
     * what {@link #changesSinceStored()} compares with. A consent never stored has no stored status.
     */
    private record Stored(Optional<ConsentStatus> status, boolean renewedSince) {
        static final Stored NEVER = new Stored(Optional.empty(), false);

        static Stored as(ConsentStatus status) {
            return new Stored(Optional.of(status), false);
        }

        Stored renewed() {
            return new Stored(status, true);
        }
    }

    /**
     * The consent a completed flow yields. For one-time kinds the refresh token the provider sent anyway is
     * dropped here, so it can never be stored.
     */
    public static Consent grant(ConsentId id, UserId userId, ProviderId provider, ConsentKind kind,
                                Optional<String> providerFlowId, IssuedTokens issued, Instant at, ConsentPolicy policy) {
        TokenPair tokens = TokenPair.issue(issued, at, policy);
        if (!kind.isOngoing()) {
            tokens = tokens.withoutRefreshToken();
        }
        Snapshot draft = new Snapshot(id, userId, provider, kind, providerFlowId, ConsentStatus.ACTIVE, Optional.of(tokens),
                at, at, Optional.empty(), issued.consentEndsAt(at), at, Optional.empty(), Optional.empty(), Optional.empty(), 0);
        return derive(draft, at, policy, Stored.NEVER);
    }

    public static Consent restore(Snapshot snapshot) {
        return new Consent(Require.nonNull(snapshot, "snapshot"), Stored.as(snapshot.status()));
    }

    public Snapshot snapshot() {
        return s;
    }

    /** The status at an instant: a stored ACTIVE consent past its end reads as EXPIRED before the scheduler has marked it. */
    public ConsentStatus statusAt(Instant now, ConsentPolicy policy) {
        return statusOf(s.status(), s.kind(), s.expiresAt(), now, policy);
    }

    /** The status rule on the facts it depends on: the stored status, the kind, and when the consent ends. */
    private static ConsentStatus statusOf(ConsentStatus stored, ConsentKind kind, Instant expiresAt, Instant now,
                                          ConsentPolicy policy) {
        boolean ended = !now.isBefore(expiresAt);
        if (stored == ConsentStatus.REAUTH_REQUIRED && ended) {
            return ConsentStatus.EXPIRED;
        }
        if (!stored.isReadable()) {
            return stored;
        }
        if (ended) {
            return ConsentStatus.EXPIRED;
        }
        if (kind.isOngoing() && !now.isBefore(expiresAt.minus(policy.expiryWarning()))) {
            return ConsentStatus.EXPIRING_SOON;
        }
        return ConsentStatus.ACTIVE;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(s.expiresAt());
    }

    public NextAction nextActionAt(Instant now, ConsentPolicy policy) {
        return switch (statusAt(now, policy)) {
            case ACTIVE -> NextAction.NONE;
            case EXPIRING_SOON, REAUTH_REQUIRED -> NextAction.RENEW;
            case EXPIRED -> s.kind().isOngoing() ? NextAction.RENEW : NextAction.CONNECT_AGAIN;
            case REVOKED -> NextAction.CONNECT_AGAIN;
        };
    }

    /** Throws {@link ConsentNotUsable} unless the consent can serve data now. */
    public void ensureReadableAt(Instant now, ConsentPolicy policy) {
        ConsentStatus status = statusAt(now, policy);
        if (!status.isReadable()) {
            throw new ConsentNotUsable(status, nextActionAt(now, policy));
        }
    }

    /**
     * Would a read at this instant need recording ({@link Usable#recordUserActivity})? Not when the last recorded read lies
     * less than {@link #ACTIVITY_GRAIN} before it.
     */
    public boolean userActivityToRecordAt(Instant at) {
        return !at.isBefore(s.lastUserActivityAt().plus(ACTIVITY_GRAIN));
    }

    /** Is a refresh of the access token needed before a data call at this instant? */
    public boolean accessTokenNeedsRefreshAt(Instant now, ConsentPolicy policy) {
        return tokens().needsRefreshAt(now, policy.accessTokenSkew());
    }

    /** Should the scheduler renew the refresh token now (ongoing, readable, and the token older than the renewal age)? */
    public boolean refreshTokenRenewalDueAt(Instant now, ConsentPolicy policy) {
        return s.kind().isOngoing() && statusAt(now, policy).isReadable()
                && renewalDueAt(s, policy).map(due -> !now.isBefore(due)).orElse(false);
    }

    /** Is the scheduler's refresh due: a refresh in doubt to settle, or a refresh token due for renewal? */
    public boolean scheduledRefreshDueAt(Instant now, ConsentPolicy policy) {
        return s.refreshInDoubtSince().isPresent() || refreshTokenRenewalDueAt(now, policy);
    }

    /**
     * When the refresh token is due for renewal: the renewal age after it was issued, or after the last refresh
     * if that came later (a provider that answers a refresh without a new refresh token must not be asked again
     * at every scheduler tick).
     */
    private static Optional<Instant> renewalDueAt(Snapshot x, ConsentPolicy policy) {
        return x.tokens().flatMap(t -> t.refreshRenewalDueAt(policy.refreshRenewalAge()))
                .map(due -> x.lastRefreshedAt().map(last -> last.plus(policy.refreshRenewalAge()))
                        .filter(afterLast -> afterLast.isAfter(due)).orElse(due));
    }

    /** The refresh token to present, if this consent may be refreshed at all. */
    public Optional<RefreshToken> refreshToken() {
        return s.kind().isOngoing() ? s.tokens().flatMap(TokenPair::refreshToken) : Optional.empty();
    }

    /** Since when a refresh of this consent is in doubt, if one is. */
    public Optional<Instant> refreshInDoubtSince() {
        return s.refreshInDoubtSince();
    }

    /** Why the consent requires re-authorization; present exactly when its stored status is {@code REAUTH_REQUIRED}. */
    public Optional<ReauthorizationReason> reauthorizationReason() {
        return s.reauthorizationReason();
    }

    /**
     * The consent as it can serve data at {@code at} ({@code ACTIVE} or {@code EXPIRING_SOON} by {@link #statusAt}), if
     * it can; empty otherwise: expired (by the clock or stored so), revoked, or requiring re-authorization.
     */
    public Optional<Usable> usable(Instant at, ConsentPolicy policy) {
        return statusAt(at, policy).isReadable() ? Optional.of(new Usable(this, at, policy)) : Optional.empty();
    }

    /**
     * The consent as it can be refreshed at {@code at}: an ongoing consent that is usable then. Empty for a one-time
     * consent (never refreshed) and for one that cannot serve data at {@code at}.
     */
    public Optional<Refreshable> refreshable(Instant at, ConsentPolicy policy) {
        return s.kind().isOngoing() && statusAt(at, policy).isReadable()
                ? Optional.of(new Refreshable(this, at, policy)) : Optional.empty();
    }

    /**
     * The consent as a completed renewal flow can bring it back: an ongoing consent the user has not revoked (expired
     * or requiring re-authorization included). Empty for a one-time or a revoked consent: for those, the re-consent
     * grants a new consent.
     */
    public Optional<Reauthorizable> reauthorizable() {
        return s.kind().isOngoing() && s.status() != ConsentStatus.REVOKED
                ? Optional.of(new Reauthorizable(this)) : Optional.empty();
    }

    /** The consent as the user can revoke it: any consent not revoked yet (an expired one included); empty once revoked. */
    public Optional<Revocable> revocable() {
        return s.status() != ConsentStatus.REVOKED ? Optional.of(new Revocable(this)) : Optional.empty();
    }

    /**
     * {@code ACTIVE} or {@code EXPIRING_SOON} at {@link #at}: the consent can serve data then. Part of that status is
     * the clock's ({@link #statusAt}), so the view is taken at an instant with the policy in force, and its operations
     * happen at that instant.
     */
    public record Usable(Consent consent, Instant at, ConsentPolicy policy) {

        public Usable {
            requireAt(consent, at, policy);
            if (!consent.statusAt(at, policy).isReadable()) {
                throw new InvalidValueException("not a usable consent at " + at + " (was " + consent.statusAt(at, policy)
                        + ")");
            }
        }

        /** The user read data: an ongoing consent's inactivity clock starts again. */
        public Consent recordUserActivity() {
            Snapshot x = consent.s;
            return derive(consent.with(x.status(), x.tokens(), at, x.lastRefreshedAt(), x.nextCheckAt()), at, policy,
                    consent.stored);
        }

        /**
         * The provider has ended the access before this gateway's own clock says so (one-time data deleted early, clocks
         * apart): the consent is {@code EXPIRED} from now on, and its tokens are destroyed.
         */
        public Consent endedByProvider() {
            Snapshot x = consent.s;
            return new Consent(x.with(ConsentStatus.EXPIRED, Optional.empty(), x.lastUserActivityAt(), x.lastRefreshedAt(),
                    x.providerConsentEndsAt(), at, Optional.empty(), Optional.empty(), Optional.empty()), consent.stored);
        }
    }

    /**
     * An ongoing consent usable at {@link #at}: its tokens can be refreshed then, and the refresh ends in one of three
     * ways, each at that instant: new tokens, a refusal, or no answer (in doubt).
     */
    public record Refreshable(Consent consent, Instant at, ConsentPolicy policy) {

        public Refreshable {
            requireAt(consent, at, policy);
            if (!consent.kind().isOngoing() || !consent.statusAt(at, policy).isReadable()) {
                throw new InvalidValueException("not a refreshable consent at " + at + " (was " + consent.kind() + ", "
                        + consent.statusAt(at, policy) + ")");
            }
        }

        /** The refresh token to present; empty if the provider never issued one (then there is nothing to refresh with). */
        public Optional<RefreshToken> refreshToken() {
            return consent.refreshToken();
        }

        /**
         * The provider answered the refresh: both tokens replaced (the old refresh token kept if none came back), and the
         * provider's consent end updated where it reports one. Not user activity: the inactivity clock runs on.
         */
        public Consent refreshed(IssuedTokens issued) {
            Snapshot x = consent.s;
            TokenPair next = consent.tokens().refreshedWith(issued, at, policy);
            return derive(x.with(x.status(), Optional.of(next), x.lastUserActivityAt(), Optional.of(at),
                    issued.consentEndsAt(at).or(x::providerConsentEndsAt), x.expiresAt(), x.nextCheckAt(),
                    Optional.empty(), Optional.empty()), at, policy, consent.stored);
        }

        /**
         * The provider refused the refresh token: the user must reconnect. If the refresh was in doubt, the lost answer
         * spent the token ({@link ReauthorizationReason#REFRESH_LOST}). The tokens are kept until the consent's end, when
         * the scheduler expires it.
         */
        public Consent refreshRejected() {
            return reauthorizationRequired(consent.s.refreshInDoubtSince().isPresent()
                    ? ReauthorizationReason.REFRESH_LOST : ReauthorizationReason.REFRESH_REJECTED);
        }

        /**
         * A refresh sent at {@code sentAt} reached the provider and no answer came back: the refresh token may or may not
         * have been spent. The first time, the consent records the doubt and is due for a look the policy's
         * {@code settleInDoubtAfter} later, so one more attempt can settle it. If it was in doubt already, that attempt
         * went unanswered too: the token is not presented a third time and the user must reconnect
         * ({@link ReauthorizationReason#REFRESH_LOST}).
         */
        public Consent refreshUnanswered(Instant sentAt) {
            Require.nonNull(sentAt, "sent at");
            Snapshot x = consent.s;
            if (x.refreshInDoubtSince().isPresent()) {
                return reauthorizationRequired(ReauthorizationReason.REFRESH_LOST);
            }
            return new Consent(consent.with(x.status(), x.tokens(), x.lastUserActivityAt(), x.lastRefreshedAt(),
                    Optional.of(sentAt.plus(policy.settleInDoubtAfter())), Optional.of(sentAt), Optional.empty()),
                    consent.stored);
        }

        private Consent reauthorizationRequired(ReauthorizationReason reason) {
            Snapshot x = consent.s;
            // Looked at again at its end, when it expires and its tokens are destroyed.
            return new Consent(consent.with(ConsentStatus.REAUTH_REQUIRED, x.tokens(), x.lastUserActivityAt(),
                    x.lastRefreshedAt(), Optional.of(x.expiresAt()), Optional.empty(), Optional.of(reason)), consent.stored);
        }
    }

    /**
     * An ongoing consent the user has not revoked, in whatever other status (usable, expired, requiring
     * re-authorization): a completed renewal flow brings it back.
     */
    public record Reauthorizable(Consent consent) {

        public Reauthorizable {
            Require.nonNull(consent, "consent");
            if (!consent.kind().isOngoing() || consent.status() == ConsentStatus.REVOKED) {
                throw new InvalidValueException("not a reauthorizable consent (was " + consent.kind() + ", "
                        + consent.status() + ")");
            }
        }

        /**
         * The user re-consented (a renewal flow completed): fresh tokens, the consent active again, and the re-consent
         * counts as activity. A consent end the provider reports replaces the earlier one.
         */
        public Consent reauthorized(IssuedTokens issued, Instant at, ConsentPolicy policy) {
            Snapshot x = consent.s;
            Snapshot renewed = x.with(ConsentStatus.ACTIVE, Optional.of(TokenPair.issue(issued, at, policy)), at,
                    Optional.empty(), issued.consentEndsAt(at).or(x::providerConsentEndsAt), x.expiresAt(), x.nextCheckAt(),
                    Optional.empty(), Optional.empty());
            return derive(renewed, at, policy, consent.stored.renewed());
        }
    }

    /** A consent the user has not revoked yet, in whatever other status: the user can withdraw it. */
    public record Revocable(Consent consent) {

        public Revocable {
            Require.nonNull(consent, "consent");
            if (consent.status() == ConsentStatus.REVOKED) {
                throw new InvalidValueException("not a revocable consent (was REVOKED)");
            }
        }

        /** The user withdrew the consent: the tokens are destroyed, and nothing is left to look after. */
        public Consent revoke(Instant at) {
            Require.nonNull(at, "time");
            Snapshot x = consent.s;
            return new Consent(consent.with(ConsentStatus.REVOKED, Optional.empty(), x.lastUserActivityAt(),
                    x.lastRefreshedAt(), Optional.empty(), Optional.empty(), Optional.empty()), consent.stored);
        }
    }

    private static void requireAt(Consent consent, Instant at, ConsentPolicy policy) {
        Require.nonNull(consent, "consent");
        Require.nonNull(at, "time");
        Require.nonNull(policy, "policy");
    }

    /**
     * The scheduler's look: store the status the consent has reached (EXPIRING_SOON, EXPIRED) and when to look next.
     * A consent that requires re-authorization waits for its end, then expires; an expired one loses its tokens.
     */
    public Consent review(Instant at, ConsentPolicy policy) {
        if (s.status() == ConsentStatus.REAUTH_REQUIRED) {
            return isExpiredAt(at)
                    ? new Consent(with(ConsentStatus.EXPIRED, Optional.empty(), s.lastUserActivityAt(), s.lastRefreshedAt(),
                            Optional.empty(), Optional.empty(), Optional.empty()), stored)
                    : new Consent(with(s.status(), s.tokens(), s.lastUserActivityAt(), s.lastRefreshedAt(),
                            Optional.of(s.expiresAt())), stored);
        }
        if (!s.status().isReadable()) {
            return new Consent(with(s.status(), s.tokens(), s.lastUserActivityAt(), s.lastRefreshedAt(), Optional.empty()), stored);
        }
        return derive(s, at, policy, stored);
    }

    /** Look again later (after a provider outage), without changing anything else. */
    public Consent checkAgainAt(Instant when) {
        return new Consent(with(s.status(), s.tokens(), s.lastUserActivityAt(), s.lastRefreshedAt(), Optional.of(when)), stored);
    }

    /**
     * What happened to the consent since it was last stored (read from or written to its repository): the events its
     * next save must record. A consent never stored was {@link ConsentChange#ACTIVATED}; a renewal is
     * {@link ConsentChange#RENEWED} whatever the status was; otherwise a new status tells what happened. Nothing for a
     * change of tokens or times alone, and nothing for a consent that became {@code ACTIVE} again without a renewal.
     */
    public List<ConsentChange> changesSinceStored() {
        if (stored.status().isEmpty()) {
            return List.of(ConsentChange.ACTIVATED);
        }
        if (stored.renewedSince()) {
            return List.of(ConsentChange.RENEWED);
        }
        if (stored.status().get() == s.status()) {
            return List.of();
        }
        return switch (s.status()) {
            case ACTIVE -> List.of();
            case EXPIRING_SOON -> List.of(ConsentChange.EXPIRING_SOON);
            case REAUTH_REQUIRED -> List.of(ConsentChange.REAUTH_REQUIRED);
            case EXPIRED -> List.of(ConsentChange.EXPIRED);
            case REVOKED -> List.of(ConsentChange.REVOKED);
        };
    }

    /** The consent as its repository stored it, at the new version: nothing has happened to it since. */
    public Consent withVersion(long version) {
        return new Consent(s.withVersion(version), Stored.as(s.status()));
    }

    public ConsentId id() {
        return s.id();
    }

    public UserId userId() {
        return s.userId();
    }

    public ProviderId provider() {
        return s.provider();
    }

    public ConsentKind kind() {
        return s.kind();
    }

    public Optional<String> providerFlowId() {
        return s.providerFlowId();
    }

    /** The stored status; {@link #statusAt} gives the status at an instant. */
    public ConsentStatus status() {
        return s.status();
    }

    /** The tokens; an expired or revoked consent has none and throws. */
    public TokenPair tokens() {
        return s.tokens().orElseThrow(() -> new DomainRuleViolation("a consent that is " + s.status() + " has no tokens"));
    }

    public Optional<TokenPair> tokensIfAny() {
        return s.tokens();
    }

    public Instant grantedAt() {
        return s.grantedAt();
    }

    public Instant lastUserActivityAt() {
        return s.lastUserActivityAt();
    }

    public Optional<Instant> lastRefreshedAt() {
        return s.lastRefreshedAt();
    }

    public Instant expiresAt() {
        return s.expiresAt();
    }

    /** The end of the user's consent at the provider, where the provider reported one. */
    public Optional<Instant> providerConsentEndsAt() {
        return s.providerConsentEndsAt();
    }

    public Optional<Instant> nextCheckAt() {
        return s.nextCheckAt();
    }

    public long version() {
        return s.version();
    }

    private Snapshot with(ConsentStatus status, Optional<TokenPair> tokens, Instant lastUserActivityAt,
                          Optional<Instant> lastRefreshedAt, Optional<Instant> nextCheckAt) {
        return s.with(status, tokens, lastUserActivityAt, lastRefreshedAt, s.providerConsentEndsAt(), s.expiresAt(), nextCheckAt);
    }

    private Snapshot with(ConsentStatus status, Optional<TokenPair> tokens, Instant lastUserActivityAt,
                          Optional<Instant> lastRefreshedAt, Optional<Instant> nextCheckAt, Optional<Instant> inDoubtSince,
                          Optional<ReauthorizationReason> reason) {
        return s.with(status, tokens, lastUserActivityAt, lastRefreshedAt, s.providerConsentEndsAt(), s.expiresAt(), nextCheckAt,
                inDoubtSince, reason);
    }

    /** Recomputes the derived instants and the stored status of a readable consent at {@code at}. */
    private static Consent derive(Snapshot x, Instant at, ConsentPolicy policy, Stored stored) {
        TokenPair tokens = x.tokens().orElseThrow();
        Instant expiresAt;
        if (x.kind().isOngoing()) {
            Instant byInactivity = x.lastUserActivityAt().plus(policy.inactivityLimit());
            Instant byRefreshToken = tokens.refreshExpiresAt().orElse(tokens.accessExpiresAt());
            expiresAt = Stream.of(Optional.of(byInactivity), Optional.of(byRefreshToken), x.providerConsentEndsAt())
                    .flatMap(Optional::stream).min(Instant::compareTo).orElseThrow();
        } else {
            expiresAt = x.grantedAt().plus(policy.oneTimeLifetime());
        }
        ConsentStatus status = statusOf(x.status(), x.kind(), expiresAt, at, policy);
        if (status == ConsentStatus.EXPIRED) {
            // The end of the consent: its tokens are destroyed, and nothing is left to look after.
            return new Consent(x.with(status, Optional.empty(), x.lastUserActivityAt(), x.lastRefreshedAt(),
                    x.providerConsentEndsAt(), expiresAt, Optional.empty(), Optional.empty(), Optional.empty()), stored);
        }
        Optional<Instant> nextCheck;
        if (!x.kind().isOngoing()) {
            nextCheck = Optional.of(expiresAt);
        } else {
            Stream<Optional<Instant>> candidates = Stream.of(
                    Optional.of(expiresAt),
                    status == ConsentStatus.ACTIVE ? Optional.of(expiresAt.minus(policy.expiryWarning())) : Optional.empty(),
                    renewalDueAt(x, policy),
                    x.refreshInDoubtSince().map(since -> since.plus(policy.settleInDoubtAfter())));
            nextCheck = candidates.flatMap(Optional::stream).min(Instant::compareTo);
        }
        return new Consent(x.with(status, x.tokens(), x.lastUserActivityAt(), x.lastRefreshedAt(), x.providerConsentEndsAt(),
                expiresAt, nextCheck), stored);
    }

    @Override
    public String toString() {
        return "Consent[" + s.id() + ", " + s.kind() + ", " + s.status() + ", provider " + s.provider() + "]";
    }
}
