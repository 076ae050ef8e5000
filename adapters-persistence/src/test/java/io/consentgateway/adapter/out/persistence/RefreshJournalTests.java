package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.testing.AdapterExtension;
import io.consentgateway.adapter.out.persistence.testing.TestKeys;
import io.consentgateway.application.port.out.Consents;
import io.consentgateway.application.port.out.RefreshJournal;
import io.consentgateway.application.port.out.UnitOfWork;
import io.consentgateway.domain.shared.ConsentId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.consentgateway.application.port.out.contract.PortFixtures.ALICE;
import static io.consentgateway.application.port.out.contract.PortFixtures.T0;
import static io.consentgateway.application.port.out.contract.PortFixtures.ongoingConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The refresh journal as the refresh protocol uses it: a note is written while the same node holds the consent's row
 * lock in an open transaction, and must be committed at once (a crash right after must find it), without waiting for
 * that lock; the note's removal belongs to the transaction that stores the outcome.
 */
abstract class RefreshJournalTests {
    private Consents consents;
    private UnitOfWork unitOfWork;
    private RefreshJournal journal;
    private ConsentId id;

    protected abstract AdapterExtension db();

    @BeforeEach
    void connect() {
        PersistenceAdapter persistence = PersistenceAdapter.create(db().database().dataSource(), TestKeys.ring(), "node-a");
        consents = persistence.consents();
        unitOfWork = persistence.unitOfWork();
        journal = persistence.refreshJournal();
        id = consents.save(ongoingConsent(ALICE, T0)).id();
    }

    @Test
    void aNoteWrittenUnderTheRowLockSurvivesTheTransactionThatDies() {
        assertThatThrownBy(() -> unitOfWork.inTransaction(() -> {
            consents.lockForRefresh(id).orElseThrow();
            journal.sending(id, T0);
            throw new IllegalStateException("kill -9"); // the connection goes, the transaction rolls back
        })).hasMessage("kill -9");

        assertThat(journal.unsettled(id)).contains(T0);
    }

    @Test
    void settlingBelongsToTheTransactionThatStoresTheOutcome() {
        journal.sending(id, T0);
        assertThatThrownBy(() -> unitOfWork.inTransaction(() -> {
            consents.lockForRefresh(id).orElseThrow();
            journal.settled(id);
            throw new IllegalStateException("died before the commit");
        }));
        assertThat(journal.unsettled(id)).as("rolled back with it").contains(T0);

        unitOfWork.inTransaction(() -> {
            consents.lockForRefresh(id).orElseThrow();
            journal.settled(id);
            return null;
        });
        assertThat(journal.unsettled(id)).isEmpty();
    }

    @Test
    void aNoteLeftBehindIsReplacedByTheNextAttemptWhichOnlyReadIt() {
        journal.sending(id, T0);
        Instant next = T0.plusSeconds(90);

        unitOfWork.inTransaction(() -> {
            consents.lockForRefresh(id).orElseThrow();
            assertThat(journal.unsettled(id)).contains(T0);
            journal.sending(id, next); // its own transaction: nothing of this one's is in its way
            assertThat(journal.unsettled(id)).contains(next);
            journal.settled(id);
            return null;
        });

        assertThat(journal.unsettled(id)).isEmpty();
    }

    @Test
    void aWithdrawnNoteIsGoneWhateverTheSurroundingTransactionDoes() {
        assertThatThrownBy(() -> unitOfWork.inTransaction(() -> {
            consents.lockForRefresh(id).orElseThrow();
            journal.sending(id, T0);
            journal.withdrawn(id);
            throw new IllegalStateException("the call never left");
        }));

        assertThat(journal.unsettled(id)).isEmpty();
    }

    @Test
    void abandonedNotesAreListedOldestFirstUpToTheLimit() {
        ConsentId second = consents.save(ongoingConsent(ALICE, T0)).id();
        ConsentId young = consents.save(ongoingConsent(ALICE, T0)).id();
        journal.sending(second, T0.plusSeconds(10));
        journal.sending(id, T0);
        journal.sending(young, T0.plusSeconds(120));

        assertThat(journal.abandoned(T0.plusSeconds(60), 10)).containsExactly(id, second);
        assertThat(journal.abandoned(T0.plusSeconds(60), 1)).containsExactly(id);
    }

    @Test
    void deletingTheConsentDeletesItsNoteWithIt() {
        ConsentId other = consents.save(ongoingConsent(ALICE, T0)).id();
        journal.sending(id, T0);
        journal.sending(other, T0);

        assertThat(consents.delete(id)).isTrue();

        assertThat(journal.unsettled(id)).isEmpty();
        assertThat(journal.unsettled(other)).contains(T0);
    }
}
