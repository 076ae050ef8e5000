package io.consentgateway.application.service;

import io.consentgateway.application.port.in.NotFound;
import io.consentgateway.application.port.in.TryAgainLater;
import io.consentgateway.application.port.out.ConcurrentUpdate;
import io.consentgateway.application.port.out.ConsentProvider;
import io.consentgateway.application.port.out.Consents;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.consent.ConsentNotUsable;
import io.consentgateway.domain.consent.ConsentStatus;
import io.consentgateway.domain.consent.NextAction;
import io.consentgateway.domain.policy.ConsentPolicy;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.UserId;
import io.consentgateway.domain.token.AccessToken;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How every data read goes: the user's own consent, readable now; an access token about to expire is
 * refreshed first; a 401 on the data call triggers one refresh and one retry; the read is then recorded as
 * user activity (which keeps an ongoing consent alive), at most once per {@link Consent#ACTIVITY_GRAIN}. A data call the provider cannot take yet (too many in flight,
 * its circuit open) waits its turn within the provider patience ({@link Patience}) before the read answers 503.
 */
public final class ConsentReader {
    private static final int ACTIVITY_ATTEMPTS = 3;

    private final Consents consents;
    private final ConsentProviders providers;
    private final TokenRefresher refresher;
    private final GatewaySettings settings;
    private final Clock clock;
    private final Patience patience;

    public ConsentReader(Consents consents, ConsentProviders providers, TokenRefresher refresher, GatewaySettings settings,
                         Clock clock) {
        this.consents = consents;
        this.providers = providers;
        this.refresher = refresher;
        this.settings = settings;
        this.clock = clock;
        this.patience = new Patience(settings.providerPatience(), clock);
    }

    /** The user's own consent; a foreign one is as "not found" as a missing one. */
    public Consent owned(UserId userId, ConsentId consentId) {
        return consents.findById(consentId)
                .filter(consent -> consent.userId().equals(userId))
                .orElseThrow(() -> new NotFound("consent"));
    }

    /** A read the signed-in user asked for: recorded as the user's activity. */
    public <T> T read(Consent consent, BiFunction<ConsentProvider, AccessToken, T> call) {
        return read(consent, call, true, true);
    }

    /**
     * A read the signed-in user asked for that has an answer without the provider (the gateway's store): a provider that
     * cannot take the call now fails it at once instead of after the provider patience, so the user is not kept waiting.
     */
    public <T> T readOrFailFast(Consent consent, BiFunction<ConsentProvider, AccessToken, T> call) {
        return read(consent, call, true, false);
    }

    /**
     * A read nobody asked for right now (the scheduler's background sync, the snapshot at a flow's completion): the
     * same protocol, but not recorded as the user's activity, which would keep a consent alive that its user left.
     */
    public <T> T readWithoutUser(Consent consent, BiFunction<ConsentProvider, AccessToken, T> call) {
        return read(consent, call, false, true);
    }

    private <T> T read(Consent consent, BiFunction<ConsentProvider, AccessToken, T> call, boolean userPresent,
                       boolean patient) {
        Instant now = clock.instant();
        ConsentPolicy policy = settings.policyFor(consent.provider());
        consent.ensureReadableAt(now, policy);
        ConsentProvider provider = providers.of(consent.provider());
        Consent current = consent;
        if (consent.kind().isOngoing() && consent.accessTokenNeedsRefreshAt(now, policy)) {
            current = refreshed(consent);
        }
        T result;
        try {
            result = whenTaken(provider, current, call, patient);
        } catch (ReauthorizationRequired refused) {
            if (!current.kind().isOngoing()) {
                // One-time data is gone at the provider; there is nothing to refresh. Remember it, so the consent
                // no longer lists as readable.
                markEnded(current.id(), fresh -> fresh.usable(clock.instant(), settings.policyFor(fresh.provider()))
                        .map(Consent.Usable::endedByProvider));
                throw new ConsentNotUsable(ConsentStatus.EXPIRED, NextAction.CONNECT_AGAIN);
            }
            current = refreshed(current);
            try {
                result = whenTaken(provider, current, call, patient);
            } catch (ReauthorizationRequired refusedAgain) {
                markEnded(current.id(), fresh -> fresh.refreshable(clock.instant(), settings.policyFor(fresh.provider()))
                        .map(Consent.Refreshable::refreshRejected));
                throw new ConsentNotUsable(ConsentStatus.REAUTH_REQUIRED, NextAction.RENEW);
            }
        }
        if (userPresent && current.userActivityToRecordAt(clock.instant())) {
            recordActivity(current.id());
        }
        return result;
    }

    /** The data call with the consent's access token, repeated (when patient) while the provider could not take it yet. */
    private <T> T whenTaken(ConsentProvider provider, Consent consent, BiFunction<ConsentProvider, AccessToken, T> call,
                            boolean patient) {
        AccessToken token = consent.tokens().accessToken();
        return patient ? patience.call(() -> call.apply(provider, token), nextAttempt -> true) : call.apply(provider, token);
    }

    private Consent refreshed(Consent consent) {
        TokenRefresher.Attempt attempt = refresher.refreshStale(consent.id(), consent.tokens().accessToken());
        return switch (attempt.result()) {
            case REFRESHED, NOT_NEEDED -> attempt.consent();
            case REJECTED -> throw new ConsentNotUsable(ConsentStatus.REAUTH_REQUIRED, NextAction.RENEW);
            // Recorded on the consent; the user sees the outage, and the scheduler settles it within a tick.
            case IN_DOUBT -> throw attempt.unanswered().<RuntimeException>map(unanswered -> unanswered).orElseGet(() ->
                    new TryAgainLater("a refresh of this consent is in doubt and is being settled",
                            settings.policyFor(consent.provider()).settleInDoubtAfter()));
            case NOT_REFRESHABLE -> {
                Consent stored = attempt.consent();
                ConsentPolicy policy = settings.policyFor(stored.provider());
                throw new ConsentNotUsable(stored.statusAt(clock.instant(), policy), stored.nextActionAt(clock.instant(), policy));
            }
        };
    }

    /** Records a read of the user's that the gateway served from its store: it keeps an ongoing consent alive too. */
    public void servedFromStore(Consent consent) {
        if (consent.userActivityToRecordAt(clock.instant())) {
            recordActivity(consent.id());
        }
    }

    private void recordActivity(ConsentId id) {
        for (int attempt = 0; attempt < ACTIVITY_ATTEMPTS; attempt++) {
            Consent fresh = consents.findById(id).orElse(null);
            Instant now = clock.instant();
            if (fresh == null || !fresh.userActivityToRecordAt(now)) {
                return; // gone, or another read recorded this hour meanwhile
            }
            Optional<Consent.Usable> usable = fresh.usable(now, settings.policyFor(fresh.provider()));
            if (usable.isEmpty()) {
                return; // ended meanwhile: nothing to keep alive
            }
            try {
                consents.save(usable.get().recordUserActivity());
                return;
            } catch (ConcurrentUpdate raced) {
                // a refresh or the scheduler stored the consent meanwhile: read it again and re-apply
            }
        }
    }

    /**
     * Stores how the provider ended a consent that is still usable, re-reading it if another request stored it meanwhile;
     * {@code ending} answers nothing for a consent that cannot end so (gone, or ended already).
     */
    private void markEnded(ConsentId id, Function<Consent, Optional<Consent>> ending) {
        for (int attempt = 0; attempt < ACTIVITY_ATTEMPTS; attempt++) {
            Optional<Consent> ended = consents.findById(id).flatMap(ending);
            if (ended.isEmpty()) {
                return;
            }
            try {
                consents.save(ended.get());
                return;
            } catch (ConcurrentUpdate raced) {
                // read again
            }
        }
    }
}
