package io.consentgateway.application.port.out;

import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The consents repository, with the two operations of the cluster-safe refresh protocol. */
public interface Consents {

    /**
     * Stores a consent: inserts it at version 0, otherwise updates it only if the stored version is still
     * the consent's version. Clears any claim lease. Returns the consent at its new version.
     *
     * @throws ConcurrentUpdate if someone else stored the consent first
     */
    Consent save(Consent consent);

    Optional<Consent> findById(ConsentId id);

    /**
     * The ids of every consent of the user, without reading the consents (nothing is decrypted): erasure must find a
     * consent whose stored tokens can no longer be read too, which {@link #findByUser} leaves out.
     */
    List<ConsentId> idsOfUser(UserId userId);

    /** The user's consents, newest first. */
    List<Consent> findByUser(UserId userId);

    /**
     * Locks the consent for a refresh until the surrounding transaction ends ({@code SELECT ... FOR UPDATE})
     * and returns it as freshly read under the lock: another node may have refreshed it a moment ago.
     * Must be called inside {@link UnitOfWork#inTransaction}.
     */
    Optional<Consent> lockForRefresh(ConsentId id);

    /**
     * Claims up to {@code limit} consents whose next check is due at {@code now} and that nobody else holds,
     * earliest due first, and leases them to the caller until {@code leaseUntil}; concurrent callers (other
     * nodes) never receive the same consent ({@code FOR UPDATE SKIP LOCKED}). Commits on its own.
     */
    List<ConsentId> claimDue(Instant now, int limit, Instant leaseUntil);

    /**
     * Deletes the consent and everything the refresh protocol keeps of it (its journal notes): the erasure of a user.
     * Answers whether there was a consent. Its stored data is the {@link AccountDataStore}'s to delete.
     */
    boolean delete(ConsentId id);
}
