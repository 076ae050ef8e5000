package io.consentgateway.application.service;

import io.consentgateway.application.port.out.Consents;
import io.consentgateway.application.port.out.UnitOfWork;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The consents repository as every use case sees it: a save stores the consent and the events of its changes
 * ({@link Consent#changesSinceStored()}) in one transaction, joining the caller's when there is one. No use case can
 * store a change and forget its event. Everything else is the repository's own.
 */
public final class RecordingConsents implements Consents {
    private final Consents consents;
    private final UnitOfWork unitOfWork;
    private final EventRecorder events;

    public RecordingConsents(Consents consents, UnitOfWork unitOfWork, EventRecorder events) {
        this.consents = consents;
        this.unitOfWork = unitOfWork;
        this.events = events;
    }

    @Override
    public Consent save(Consent consent) {
        if (consent.changesSinceStored().isEmpty()) {
            return consents.save(consent);
        }
        return unitOfWork.inTransaction(() -> {
            Consent saved = consents.save(consent);
            events.consentStored(consent);
            return saved;
        });
    }

    @Override
    public Optional<Consent> findById(ConsentId id) {
        return consents.findById(id);
    }

    @Override
    public List<ConsentId> idsOfUser(UserId userId) {
        return consents.idsOfUser(userId);
    }

    @Override
    public List<Consent> findByUser(UserId userId) {
        return consents.findByUser(userId);
    }

    @Override
    public Optional<Consent> lockForRefresh(ConsentId id) {
        return consents.lockForRefresh(id);
    }

    @Override
    public List<ConsentId> claimDue(Instant now, int limit, Instant leaseUntil) {
        return consents.claimDue(now, limit, leaseUntil);
    }

    @Override
    public boolean delete(ConsentId id) {
        return consents.delete(id);
    }
}
