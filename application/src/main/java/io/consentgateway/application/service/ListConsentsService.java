package io.consentgateway.application.service;

import io.consentgateway.application.port.in.ConsentView;
import io.consentgateway.application.port.in.ListConsents;
import io.consentgateway.application.port.in.NotFound;
import io.consentgateway.application.port.out.AccountDataStore;
import io.consentgateway.application.port.out.Consents;
import io.consentgateway.application.port.out.SyncState;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.consent.ConsentStatus;
import io.consentgateway.domain.policy.ConsentPolicy;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.UserId;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lists a user's consents with the status they have now (not only what the scheduler last stored). Not user activity. */
public final class ListConsentsService implements ListConsents {
    private final Consents consents;
    private final AccountDataStore store;
    private final GatewaySettings settings;
    private final DataSettings dataSettings;
    private final Clock clock;

    public ListConsentsService(Consents consents, AccountDataStore store, GatewaySettings settings,
                               DataSettings dataSettings, Clock clock) {
        this.consents = consents;
        this.store = store;
        this.settings = settings;
        this.dataSettings = dataSettings;
        this.clock = clock;
    }

    @Override
    public List<ConsentView> list(UserId userId) {
        Instant now = clock.instant();
        List<Consent> found = consents.findByUser(userId);
        Map<ConsentId, SyncState> states = found.isEmpty() ? Map.of()
                : store.syncStates(found.stream().map(Consent::id).toList());
        return found.stream().map(c -> view(c, Optional.ofNullable(states.get(c.id())), now)).toList();
    }

    @Override
    public ConsentView get(UserId userId, ConsentId consentId) {
        return consents.findById(consentId)
                .filter(c -> c.userId().equals(userId))
                .map(c -> view(c, store.syncState(c.id()), clock.instant()))
                .orElseThrow(() -> new NotFound("consent"));
    }

    private ConsentView view(Consent consent, Optional<SyncState> data, Instant now) {
        ConsentPolicy policy = settings.policyFor(consent.provider());
        ConsentStatus status = consent.statusAt(now, policy);
        return new ConsentView(consent.id(), consent.provider(), consent.kind(), status,
                consent.nextActionAt(now, policy), consent.grantedAt(), consent.expiresAt(), consent.lastUserActivityAt(),
                consent.lastRefreshedAt(),
                consent.reauthorizationReason().filter(reason -> status == ConsentStatus.REAUTH_REQUIRED),
                consent.refreshInDoubtSince().filter(since -> status.isReadable()),
                new ConsentView.DataView(data.flatMap(SyncState::syncedAt), data.flatMap(SyncState::retainUntil),
                        data.map(state -> state.backgroundSyncsSince(now.minus(DataSettings.BUDGET_WINDOW))).orElse(0),
                        dataSettings.backgroundBudget()));
    }
}
