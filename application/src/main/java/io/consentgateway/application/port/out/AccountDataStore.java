package io.consentgateway.application.port.out;

import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.shared.ConsentId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The account data store: what the gateway keeps of a consent's data between syncs (its accounts, its transactions,
 * an income report), so reads are served without calling the provider and one-time data outlives the provider's
 * hour. Implementations keep the data encrypted at rest; only what paging and retention need is in clear (the
 * consent, the account id, the transaction's date and the provider's id).
 *
 * <p>Every consent has at most one record here, created by the first {@link #claimSync claim}. Each method commits on
 * its own (or joins the caller's {@link UnitOfWork#inTransaction transaction}); {@link #store} is all or nothing.
 */
public interface AccountDataStore {

    /** What is stored of the consent, or empty when nothing ever was (no claim, no sync). */
    Optional<SyncState> syncState(ConsentId consentId);

    /** {@link #syncState} of several consents at once (for lists); consents with no record are absent from the map. */
    Map<ConsentId, SyncState> syncStates(Collection<ConsentId> consentIds);

    /**
     * Takes the consent's sync lease for the caller until {@code leaseUntil} if nobody holds an unexpired one, and then
     * records {@code now} as the time of the latest sync attempt; a refused claim changes nothing. At most one sync of a consent runs at a time, across
     * all nodes (the caller releases the lease with {@link #releaseSync}, or it lapses).
     *
     * @return whether the caller holds the lease now
     */
    boolean claimSync(ConsentId consentId, Instant now, Instant leaseUntil);

    /** Gives the sync lease back (a no-op when the consent has no record). */
    void releaseSync(ConsentId consentId);

    /**
     * Stores one sync run, atomically:
     * <ul>
     *   <li>the accounts replace the stored ones (an account id the run carries twice: the last one);</li>
     *   <li>each transaction is inserted, or replaces the stored one with the same account and id (an upsert: a
     *       transaction read twice is stored once);</li>
     *   <li>stored <em>pending</em> transactions ({@code booked == false}) that the run does not carry any more and that
     *       fall in the run's window (dated on or after {@link SyncRun#window()}, or undated; all of them when the run
     *       has no window) are removed: a pending item is replaced by its booked one, often under a new id;</li>
     *   <li>the income report replaces the stored one when the run carries one;</li>
     *   <li>the sync time becomes {@link SyncRun#syncedAt()}; the retention end is set when the run carries one.</li>
     * </ul>
     * A consent with no record gets one. The sync lease is left alone.
     */
    void store(ConsentId consentId, SyncRun run);

    /** The stored accounts, by id. */
    List<Account> accounts(ConsentId consentId);

    /** One page of stored transactions, newest first (see {@link TransactionSlice}). */
    List<Transaction> transactions(ConsentId consentId, TransactionSlice slice);

    Optional<IncomeReport> incomeReport(ConsentId consentId);

    /**
     * Records a sync the user did not ask for (the PSD2 access budget), at {@code at}, and forgets those recorded
     * before {@code forgetBefore}. Creates the record when there is none.
     */
    void recordBackgroundSync(ConsentId consentId, Instant at, Instant forgetBefore);

    /** Sets the time after which the consent's data is deleted (an ended consent's retention); a no-op without a record. */
    void retainUntil(ConsentId consentId, Instant until);

    /**
     * Consents whose record has no retention end and whose last sync and last attempt are both before {@code before}
     * (or never happened), oldest sync first (never synced before all; ties in any order): the candidates for a background sync, or for a retention end once their
     * consent has ended.
     */
    List<ConsentId> dueForBackgroundSync(Instant before, int limit);

    /** Deletes the stored data of consents whose retention ended at {@code now}; answers how many consents. */
    int deleteRetentionEnded(Instant now);

    /** Deletes everything stored of the consent; answers whether there was anything. */
    boolean delete(ConsentId consentId);
}
