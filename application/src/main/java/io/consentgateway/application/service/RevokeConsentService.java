package io.consentgateway.application.service;

import io.consentgateway.application.port.in.RevokeConsent;
import io.consentgateway.application.port.out.AccountDataStore;
import io.consentgateway.application.port.out.ConcurrentUpdate;
import io.consentgateway.application.port.out.Consents;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.UserId;

import java.time.Clock;
import java.util.Optional;

/**
 * Revokes a user's consent: the tokens are destroyed, the status is {@code REVOKED}, and the data the gateway stored
 * of it is deleted at once. nrich publishes no
 * revocation endpoint, so the provider's side lapses on its own (no refresh will ever be made again).
 */
public final class RevokeConsentService implements RevokeConsent {
    private static final int ATTEMPTS = 3;

    private final ConsentReader reader;
    private final Consents consents;
    private final AccountDataStore store;
    private final Clock clock;

    public RevokeConsentService(ConsentReader reader, Consents consents, AccountDataStore store, Clock clock) {
        this.reader = reader;
        this.consents = consents;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void revoke(UserId userId, ConsentId consentId) {
        ConcurrentUpdate last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            // A consent revoked already has nothing to revoke: a repeated revocation only finishes what a failed one left.
            Optional<Consent> revoked = reader.owned(userId, consentId).revocable()
                    .map(revocable -> revocable.revoke(clock.instant()));
            try {
                revoked.ifPresent(consents::save);
                store.delete(consentId);
                return;
            } catch (ConcurrentUpdate raced) {
                last = raced; // a refresh stored the consent meanwhile: read it again and revoke that
            }
        }
        throw last;
    }
}
