package io.consentgateway.application.port.out;

import io.consentgateway.domain.shared.Require;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the {@link AccountDataStore} knows about a consent's stored data.
 *
 * @param syncedAt           when the last successful sync was stored; empty before the first one
 * @param lastAttemptAt      when a sync was last claimed (successful or not)
 * @param latestBookingDate  the latest booking date among the stored transactions: the incremental sync's high-water mark
 * @param retainUntil        when the data is deleted, where an end is set (one-time snapshots, ended consents)
 * @param backgroundSyncs    the recorded syncs the user did not ask for, oldest first (the PSD2 access budget)
 * @param transactionCount   how many transactions are stored
 */
public record SyncState(Optional<Instant> syncedAt, Optional<Instant> lastAttemptAt, Optional<LocalDate> latestBookingDate,
                        Optional<Instant> retainUntil, List<Instant> backgroundSyncs, long transactionCount) {
    public SyncState {
        Require.optionals("sync state", syncedAt, lastAttemptAt, latestBookingDate, retainUntil);
        backgroundSyncs = List.copyOf(Require.nonNull(backgroundSyncs, "background syncs"));
        if (transactionCount < 0) {
            throw new IllegalArgumentException("transaction count must not be negative");
        }
    }

    /** The background syncs recorded at or after {@code since}. */
    public int backgroundSyncsSince(Instant since) {
        return (int) backgroundSyncs.stream().filter(at -> !at.isBefore(since)).count();
    }
}
