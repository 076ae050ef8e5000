package io.consentgateway.application.port.out;

import io.consentgateway.domain.shared.ConsentId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The refresh journal: a note, committed before a refresh token is sent, that a refresh of a consent is under way,
 * removed in the transaction that stores the refresh's outcome. A refresh rotates the token at the provider, so a node
 * that dies after the provider answered and before its transaction committed would otherwise leave the consent
 * {@code ACTIVE} with a spent refresh token, silently. The note survives the crash and tells the next attempt that the
 * last refresh is in doubt.
 *
 * <p>The refresh protocol writes the note while it holds the consent's row lock, and removes it before the lock is
 * released, so whoever holds the lock and finds a note knows that its writer is gone. The note has no foreign key to
 * the consent: writing it in its own transaction must not wait for the row lock its writer holds.
 */
public interface RefreshJournal {

    /** Commits at once, in a transaction of its own (whatever the caller's): a refresh of {@code id} is about to be sent. */
    void sending(ConsentId id, Instant at);

    /** In the caller's transaction: the refresh's outcome is stored, so its note goes, with that transaction. */
    void settled(ConsentId id);

    /** Commits at once, in a transaction of its own: the refresh certainly never left (refused before sending). */
    void withdrawn(ConsentId id);

    /** When the refresh noted for {@code id} was sent, if a note is left (its writer died before settling it). */
    Optional<Instant> unsettled(ConsentId id);

    /** Consents whose refresh was noted before {@code before} and never settled, oldest first. */
    List<ConsentId> abandoned(Instant before, int limit);
}
