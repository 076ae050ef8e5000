package io.consentgateway.application.service;

import io.consentgateway.application.port.in.ConsentView;
import io.consentgateway.application.port.in.ListConsents;
import io.consentgateway.application.port.in.NotFound;
import io.consentgateway.application.port.out.Consents;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.consent.ConsentStatus;
import io.consentgateway.domain.policy.ConsentPolicy;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.UserId;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Lists a user's consents with the status they have now (not only what the scheduler last stored). Not user activity. */
public final class ListConsentsService implements ListConsents {
    private final Consents consents;
    private final GatewaySettings settings;
    private final Clock clock;

    public ListConsentsService(Consents consents, GatewaySettings settings, Clock clock) {
        this.consents = consents;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public List<ConsentView> list(UserId userId) {
        Instant now = clock.instant();
        return consents.findByUser(userId).stream().map(c -> view(c, now)).toList();
    }

    @Override
    public ConsentView get(UserId userId, ConsentId consentId) {
        return consents.findById(consentId)
                .filter(c -> c.userId().equals(userId))
                .map(c -> view(c, clock.instant()))
                .orElseThrow(() -> new NotFound("consent"));
    }

    private ConsentView view(Consent consent, Instant now) {
        ConsentPolicy policy = settings.policyFor(consent.provider());
        ConsentStatus status = consent.statusAt(now, policy);
        return new ConsentView(consent.id(), consent.provider(), consent.kind(), status,
                consent.nextActionAt(now, policy), consent.grantedAt(), consent.expiresAt(), consent.lastUserActivityAt(),
                consent.lastRefreshedAt(),
                consent.reauthorizationReason().filter(reason -> status == ConsentStatus.REAUTH_REQUIRED),
                consent.refreshInDoubtSince().filter(since -> status.isReadable()));
    }
}
