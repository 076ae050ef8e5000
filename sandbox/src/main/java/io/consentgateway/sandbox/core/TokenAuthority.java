package io.consentgateway.sandbox.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The authorization-server core both simulated providers share: single-use expiring codes, grants,
 * short-lived access tokens and rotating refresh tokens with reuse detection.
 * <p>
 * Rules:
 * <ul>
 *   <li>a code is redeemed at most once; presenting it again revokes the grant it produced;</li>
 *   <li>every refresh returns a new refresh token and retires the old one; presenting a retired
 *       refresh token again revokes the whole grant (every access and refresh token of the chain);</li>
 *   <li>a grant may end at a fixed instant (one-time data, a bank consent) and, if it has an
 *       inactivity limit, is revoked once that long has passed without user activity.</li>
 * </ul>
 * Only SHA-256 fingerprints of codes and tokens are kept. Thread-safe: one lock guards all state,
 * which is plenty for a simulator and makes every rule atomic.
 *
 * @param <C> what a code carries until it is redeemed (flow, redirect URI, PKCE challenge...)
 * @param <D> what a grant carries (whose data, which kind of access...)
 */
public final class TokenAuthority<C, D> {

    /** Why a code or token was refused. */
    public enum Rejection { UNKNOWN, EXPIRED, ALREADY_USED, REVOKED, NOT_REFRESHABLE, INACTIVE }

    /** Thrown when a code or token is refused; carries no secret. */
    public static final class Rejected extends RuntimeException {
        private final Rejection reason;

        public Rejected(Rejection reason) {
            super(reason.name(), null, false, false);
            this.reason = reason;
        }

        public Rejection reason() {
            return reason;
        }
    }

    /**
     * How to create a grant from a redeemed code.
     *
     * @param subject         the user the grant belongs to (for revocation by user), may be null
     * @param details         provider-specific details
     * @param refreshable     whether its refresh token may be used
     * @param accessLifetime  lifetime of each access token
     * @param refreshLifetime lifetime of each refresh token
     * @param endsAfter       the grant ends this long after it was granted (null: no fixed end)
     * @param inactivityLimit revoke after this long without user activity (null: never)
     */
    public record GrantSpec<D>(String subject, D details, boolean refreshable, Duration accessLifetime,
                               Duration refreshLifetime, Duration endsAfter, Duration inactivityLimit) {
    }

    /** An immutable view of a grant. */
    public record GrantView<D>(String id, String subject, D details, Instant grantedAt, Instant endsAt,
                               Instant lastActivityAt) {
    }

    /** Freshly issued tokens: the only place a token exists in clear. */
    public record IssuedTokens<D>(GrantView<D> grant, String accessToken, Duration accessLifetime,
                                  String refreshToken, Instant refreshExpiresAt) {
        @Override
        public String toString() {
            return "IssuedTokens[grant=" + grant.id() + ", accessToken=***, refreshToken=***]";
        }
    }

    private static final class Grant<D> {
        final String id = UUID.randomUUID().toString();
        final GrantSpec<D> spec;
        final Instant grantedAt;
        final Instant endsAt;
        Instant lastActivityAt;
        boolean revoked;

        Grant(GrantSpec<D> spec, Instant grantedAt) {
            this.spec = spec;
            this.grantedAt = grantedAt;
            this.endsAt = spec.endsAfter() == null ? null : grantedAt.plus(spec.endsAfter());
            this.lastActivityAt = grantedAt;
        }

        GrantView<D> view() {
            return new GrantView<>(id, spec.subject(), spec.details(), grantedAt, endsAt, lastActivityAt);
        }

        boolean endedAt(Instant now) {
            return endsAt != null && !now.isBefore(endsAt);
        }

        boolean inactiveAt(Instant now) {
            return spec.inactivityLimit() != null && !now.isBefore(lastActivityAt.plus(spec.inactivityLimit()));
        }
    }

    private static final class CodeRecord<C> {
        final C context;
        final Instant expiresAt;
        String grantId;
        boolean used;

        CodeRecord(C context, Instant expiresAt) {
            this.context = context;
            this.expiresAt = expiresAt;
        }
    }

    private record AccessRecord(String grantId, Instant expiresAt) {
    }

    private static final class RefreshRecord {
        final String grantId;
        final Instant expiresAt;
        boolean used;

        RefreshRecord(String grantId, Instant expiresAt) {
            this.grantId = grantId;
            this.expiresAt = expiresAt;
        }
    }

    private static final int PURGE_THRESHOLD = 10_000;

    private final Object lock = new Object();
    private final Clock clock;
    private final Secrets secrets;
    private final Map<String, CodeRecord<C>> codes = new HashMap<>();
    private final Map<String, Grant<D>> grants = new HashMap<>();
    private final Map<String, AccessRecord> accessTokens = new HashMap<>();
    private final Map<String, RefreshRecord> refreshTokens = new HashMap<>();
    private long codesPresentedAgain;
    private long refreshTokensPresentedAgain;

    /**
     * How often a spent secret came back: codes presented after they were redeemed, refresh tokens presented after they
     * were rotated. A client that never loses track of its secrets keeps both at zero.
     */
    public record Reuse(long codes, long refreshTokens) {
    }

    public TokenAuthority(Clock clock, Secrets secrets) {
        this.clock = clock;
        this.secrets = secrets;
    }

    /** Issues a single-use code carrying {@code context}. */
    public String issueCode(C context, Duration lifetime) {
        String code = secrets.newToken();
        synchronized (lock) {
            purgeIfLarge();
            codes.put(Secrets.fingerprint(code), new CodeRecord<>(context, clock.instant().plus(lifetime)));
        }
        return code;
    }

    /**
     * Redeems a code: checks it exists, is unused and unexpired, lets {@code validate} check the
     * request against the code's context (it may throw, and the code stays unused), then marks the
     * code used and issues the first tokens of a new grant.
     */
    public IssuedTokens<D> redeemCode(String code, Function<C, GrantSpec<D>> validate) {
        Objects.requireNonNull(validate);
        synchronized (lock) {
            Instant now = clock.instant();
            CodeRecord<C> record = code == null ? null : codes.get(Secrets.fingerprint(code));
            if (record == null) {
                throw new Rejected(Rejection.UNKNOWN);
            }
            if (record.used) {
                // RFC 6749 §4.1.2: a code used twice revokes what it produced.
                codesPresentedAgain++;
                revokeGrant(record.grantId);
                throw new Rejected(Rejection.ALREADY_USED);
            }
            if (!now.isBefore(record.expiresAt)) {
                throw new Rejected(Rejection.EXPIRED);
            }
            GrantSpec<D> spec = validate.apply(record.context);
            Grant<D> grant = new Grant<>(spec, now);
            grants.put(grant.id, grant);
            record.used = true;
            record.grantId = grant.id;
            return issueTokens(grant, now);
        }
    }

    /** Rotates a refresh token: the presented one is retired, a new pair is issued. */
    public IssuedTokens<D> refresh(String refreshToken) {
        synchronized (lock) {
            Instant now = clock.instant();
            RefreshRecord record = refreshToken == null ? null : refreshTokens.get(Secrets.fingerprint(refreshToken));
            if (record == null) {
                throw new Rejected(Rejection.UNKNOWN);
            }
            Grant<D> grant = grants.get(record.grantId);
            if (grant == null || grant.revoked) {
                throw new Rejected(Rejection.REVOKED);
            }
            if (record.used) {
                // Reuse detection: someone holds an old token of this chain. Kill the chain.
                refreshTokensPresentedAgain++;
                revokeGrant(grant.id);
                throw new Rejected(Rejection.ALREADY_USED);
            }
            if (!grant.spec.refreshable()) {
                throw new Rejected(Rejection.NOT_REFRESHABLE);
            }
            if (!now.isBefore(record.expiresAt) || grant.endedAt(now)) {
                throw new Rejected(Rejection.EXPIRED);
            }
            if (grant.inactiveAt(now)) {
                revokeGrant(grant.id);
                throw new Rejected(Rejection.INACTIVE);
            }
            record.used = true;
            return issueTokens(grant, now);
        }
    }

    /**
     * Checks an access token and returns its grant.
     *
     * @param userActivity whether this call counts as user activity (resets the inactivity limit)
     */
    public GrantView<D> authorize(String accessToken, boolean userActivity) {
        synchronized (lock) {
            Instant now = clock.instant();
            AccessRecord record = accessToken == null ? null : accessTokens.get(Secrets.fingerprint(accessToken));
            if (record == null) {
                throw new Rejected(Rejection.UNKNOWN);
            }
            Grant<D> grant = grants.get(record.grantId);
            if (grant == null || grant.revoked) {
                throw new Rejected(Rejection.REVOKED);
            }
            if (!now.isBefore(record.expiresAt) || grant.endedAt(now)) {
                throw new Rejected(Rejection.EXPIRED);
            }
            if (grant.inactiveAt(now)) {
                revokeGrant(grant.id);
                throw new Rejected(Rejection.INACTIVE);
            }
            if (userActivity) {
                grant.lastActivityAt = now;
            }
            return grant.view();
        }
    }

    /** Revokes every grant of {@code subject}; returns how many were active. */
    public int revokeSubject(String subject) {
        synchronized (lock) {
            int count = 0;
            for (Grant<D> grant : grants.values()) {
                if (!grant.revoked && Objects.equals(subject, grant.spec.subject())) {
                    grant.revoked = true;
                    count++;
                }
            }
            return count;
        }
    }

    /**
     * Whether any grant since the last reset, revoked or ended ones too, carries details that {@code matches}: whether
     * the provider has ever given access to that data.
     */
    public boolean hasGrant(Predicate<D> matches) {
        synchronized (lock) {
            for (Grant<D> grant : grants.values()) {
                if (matches.test(grant.spec.details())) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The grants not revoked, for diagnostics and tests. */
    public List<GrantView<D>> activeGrants() {
        synchronized (lock) {
            List<GrantView<D>> result = new ArrayList<>();
            for (Grant<D> grant : grants.values()) {
                if (!grant.revoked) {
                    result.add(grant.view());
                }
            }
            return result;
        }
    }

    public Reuse reuse() {
        synchronized (lock) {
            return new Reuse(codesPresentedAgain, refreshTokensPresentedAgain);
        }
    }

    /** Forgets everything. */
    public void reset() {
        synchronized (lock) {
            codesPresentedAgain = 0;
            refreshTokensPresentedAgain = 0;
            codes.clear();
            grants.clear();
            accessTokens.clear();
            refreshTokens.clear();
        }
    }

    private IssuedTokens<D> issueTokens(Grant<D> grant, Instant now) {
        purgeIfLarge();
        String access = secrets.newToken();
        String refresh = secrets.newToken();
        Instant refreshExpiresAt = now.plus(grant.spec.refreshLifetime());
        if (grant.endsAt != null && grant.endsAt.isBefore(refreshExpiresAt)) {
            refreshExpiresAt = grant.endsAt;
        }
        accessTokens.put(Secrets.fingerprint(access), new AccessRecord(grant.id, now.plus(grant.spec.accessLifetime())));
        refreshTokens.put(Secrets.fingerprint(refresh), new RefreshRecord(grant.id, refreshExpiresAt));
        return new IssuedTokens<>(grant.view(), access, grant.spec.accessLifetime(), refresh, refreshExpiresAt);
    }

    private void revokeGrant(String grantId) {
        Grant<D> grant = grantId == null ? null : grants.get(grantId);
        if (grant != null) {
            grant.revoked = true;
        }
    }

    /** Drops expired codes and access tokens once the maps grow; refresh records stay for reuse detection. */
    private void purgeIfLarge() {
        if (codes.size() + accessTokens.size() < PURGE_THRESHOLD) {
            return;
        }
        Instant now = clock.instant();
        codes.values().removeIf(c -> !c.used && !now.isBefore(c.expiresAt));
        accessTokens.values().removeIf(a -> !now.isBefore(a.expiresAt));
    }
}
