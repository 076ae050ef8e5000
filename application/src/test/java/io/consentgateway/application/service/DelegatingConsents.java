package io.consentgateway.application.service;

import io.consentgateway.application.port.out.Consents;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A {@link Consents} that passes everything to another; a test overrides the one method it makes fail. */
class DelegatingConsents implements Consents {
    private final Consents delegate;

    DelegatingConsents(Consents delegate) {
        this.delegate = delegate;
    }

    @Override
    public Consent save(Consent consent) {
        return delegate.save(consent);
    }

    @Override
    public Optional<Consent> findById(ConsentId id) {
        return delegate.findById(id);
    }

    @Override
    public List<Consent> findByUser(UserId userId) {
        return delegate.findByUser(userId);
    }

    @Override
    public Optional<Consent> lockForRefresh(ConsentId id) {
        return delegate.lockForRefresh(id);
    }

    @Override
    public List<ConsentId> claimDue(Instant now, int limit, Instant leaseUntil) {
        return delegate.claimDue(now, limit, leaseUntil);
    }

    @Override
    public boolean delete(ConsentId id) {
        return delegate.delete(id);
    }

    @Override
    public List<ConsentId> idsOfUser(UserId userId) {
        return delegate.idsOfUser(userId);
    }
}
