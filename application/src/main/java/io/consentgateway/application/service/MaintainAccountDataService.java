package io.consentgateway.application.service;

import io.consentgateway.application.port.in.DataMaintenanceReport;
import io.consentgateway.application.port.in.MaintainAccountData;
import io.consentgateway.application.port.out.AccountDataStore;
import io.consentgateway.application.port.out.Consents;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.shared.ConsentId;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The scheduler's care for the stored data. Each run looks at the consents whose data nobody synced for the background
 * interval ({@link AccountDataStore#dueForBackgroundSync}):
 * <ul>
 *   <li>an ongoing consent that can still read is synced in the background, unless its PSD2 access budget is spent
 *       (see {@link AccountDataSync});</li>
 *   <li>a consent that ended (expired, revoked, re-authorization required) gets its retention end: its data is deleted
 *       {@link DataSettings#endedRetention()} after the scheduler first saw it ended;</li>
 *   <li>data of a consent that no longer exists (an erasure raced with a sync) is deleted at once;</li>
 * </ul>
 * then deletes the data whose retention ended. One consent's failure is counted and never stops the run.
 */
public final class MaintainAccountDataService implements MaintainAccountData {
    private final AccountDataStore store;
    private final Consents consents;
    private final AccountDataSync sync;
    private final GatewaySettings gateway;
    private final DataSettings settings;
    private final Clock clock;

    public MaintainAccountDataService(AccountDataStore store, Consents consents, AccountDataSync sync,
                                      GatewaySettings gateway, DataSettings settings, Clock clock) {
        this.store = store;
        this.consents = consents;
        this.sync = sync;
        this.gateway = gateway;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public DataMaintenanceReport run(int batchSize) {
        int synced = 0;
        int budgetSpent = 0;
        int failed = 0;
        int retentionSet = 0;
        int deleted = 0;
        Instant due = clock.instant().minus(settings.backgroundInterval());
        List<ConsentId> examined = store.dueForBackgroundSync(due, batchSize);
        for (ConsentId id : examined) {
            try {
                Optional<Consent> consent = consents.findById(id);
                Instant now = clock.instant();
                if (consent.isEmpty()) {
                    store.delete(id);
                    deleted++;
                } else if (!consent.get().kind().isOngoing()
                        || !consent.get().statusAt(now, gateway.policyFor(consent.get().provider())).isReadable()) {
                    // A one-time snapshot got its end when it was taken; this is the fallback for one that did not.
                    store.retainUntil(id, now.plus(consent.get().kind().isOngoing()
                            ? settings.endedRetention() : settings.oneTimeRetention()));
                    retentionSet++;
                } else {
                    switch (sync.sync(consent.get(), AccountDataSync.Trigger.BACKGROUND, due)) {
                        case SYNCED -> synced++;
                        case BUDGET_SPENT -> budgetSpent++;
                        case FRESH_ALREADY, BUSY -> { }
                    }
                }
            } catch (RuntimeException e) {
                failed++; // the provider, the tokens, the database: the next interval tries again
            }
        }
        deleted += store.deleteRetentionEnded(clock.instant());
        return new DataMaintenanceReport(examined.size(), synced, budgetSpent, failed, retentionSet, deleted);
    }
}
