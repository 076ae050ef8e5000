package io.consentgateway.application.service;

import io.consentgateway.application.port.in.EraseUser;
import io.consentgateway.application.port.out.AccountDataStore;
import io.consentgateway.application.port.out.Consents;
import io.consentgateway.application.port.out.EventOutbox;
import io.consentgateway.application.port.out.Flows;
import io.consentgateway.application.port.out.UnitOfWork;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.UserId;

import java.util.List;
import java.util.UUID;

/**
 * Erases a user in one transaction: the stored data of each consent, the consent itself (its tokens with it), every
 * flow; then writes an audit line without personal data. Neither provider offers a way to revoke a grant (nrich publishes no revocation endpoint; the bank's grants lapse
 * with their tokens), so destroying the tokens is the revocation: nothing can use the grant again. A sync in flight
 * that stores after the erasure leaves data of a consent that no longer exists, which the scheduler's next look
 * deletes ({@link MaintainAccountDataService}).
 */
public final class EraseUserService implements EraseUser {
    private static final System.Logger AUDIT = System.getLogger("io.consentgateway.audit");

    private final Flows flows;
    private final Consents consents;
    private final AccountDataStore store;
    private final EventOutbox outbox;
    private final UnitOfWork unitOfWork;

    public EraseUserService(Flows flows, Consents consents, AccountDataStore store, EventOutbox outbox,
                            UnitOfWork unitOfWork) {
        this.flows = flows;
        this.consents = consents;
        this.store = store;
        this.outbox = outbox;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public ErasureReport erase(UserId userId) {
        ErasureReport report = unitOfWork.inTransaction(() -> {
            // Ids only: a consent whose tokens no longer decrypt (its key removed) is erased too.
            List<ConsentId> owned = consents.idsOfUser(userId);
            for (ConsentId consent : owned) {
                store.delete(consent);
                consents.delete(consent);
            }
            int flowsDeleted = flows.deleteByUser(userId);
            // Last: the deletes above record no event, and the user's undelivered events go unsent.
            int events = outbox.deleteByUser(userId);
            return new ErasureReport(owned.size(), flowsDeleted, events);
        });
        // The audit line names no user (the log outlives the erasure): an id to quote, and counts.
        AUDIT.log(System.Logger.Level.INFO, () -> "erasure " + UUID.randomUUID() + " done: " + report.consents()
                + " consent(s) with their tokens and stored data, " + report.flows() + " flow(s), " + report.events()
                + " webhook event(s)");
        return report;
    }
}
