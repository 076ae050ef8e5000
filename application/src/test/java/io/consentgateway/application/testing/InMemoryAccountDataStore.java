package io.consentgateway.application.testing;

import io.consentgateway.application.port.out.AccountDataStore;
import io.consentgateway.application.port.out.SyncRun;
import io.consentgateway.application.port.out.SyncState;
import io.consentgateway.application.port.out.TransactionSlice;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.shared.ConsentId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The account data store in memory, the reference the database adapters are held to by the
 * {@code AccountDataStoreContract}. Every method is atomic (synchronized). It also counts the pages it served, so
 * tests can see that a read came from the store.
 */
public final class InMemoryAccountDataStore implements AccountDataStore {

    /** Newest first, then account, then id; undated last: {@link TransactionSlice}'s order. */
    public static final Comparator<Transaction> ORDER = Comparator
            .comparing((Transaction t) -> t.effectiveDate().orElse(LocalDate.MIN)).reversed()
            .thenComparing(Transaction::accountId)
            .thenComparing(Transaction::id);

    private static final class Stored {
        Optional<Instant> syncedAt = Optional.empty();
        Optional<Instant> lastAttemptAt = Optional.empty();
        Optional<Instant> retainUntil = Optional.empty();
        Optional<Instant> leaseUntil = Optional.empty();
        List<Instant> backgroundSyncs = new ArrayList<>();
        List<Account> accounts = List.of();
        Map<String, Transaction> transactions = new LinkedHashMap<>();
        Optional<IncomeReport> incomeReport = Optional.empty();

        SyncState state() {
            Optional<LocalDate> latest = transactions.values().stream()
                    .map(Transaction::bookingDate).flatMap(Optional::stream).max(Comparator.naturalOrder());
            return new SyncState(syncedAt, lastAttemptAt, latest, retainUntil, backgroundSyncs, transactions.size());
        }
    }

    private final Map<ConsentId, Stored> byConsent = new HashMap<>();
    private final AtomicInteger pagesServed = new AtomicInteger();

    @Override
    public synchronized Optional<SyncState> syncState(ConsentId consentId) {
        return Optional.ofNullable(byConsent.get(consentId)).map(Stored::state);
    }

    @Override
    public synchronized Map<ConsentId, SyncState> syncStates(Collection<ConsentId> consentIds) {
        Map<ConsentId, SyncState> states = new HashMap<>();
        consentIds.forEach(id -> syncState(id).ifPresent(state -> states.put(id, state)));
        return states;
    }

    @Override
    public synchronized boolean claimSync(ConsentId consentId, Instant now, Instant leaseUntil) {
        Stored stored = byConsent.computeIfAbsent(consentId, id -> new Stored());
        if (stored.leaseUntil.map(until -> until.isAfter(now)).orElse(false)) {
            return false;
        }
        stored.leaseUntil = Optional.of(leaseUntil);
        stored.lastAttemptAt = Optional.of(now);
        return true;
    }

    @Override
    public synchronized void releaseSync(ConsentId consentId) {
        Stored stored = byConsent.get(consentId);
        if (stored != null) {
            stored.leaseUntil = Optional.empty();
        }
    }

    @Override
    public synchronized void store(ConsentId consentId, SyncRun run) {
        Stored stored = byConsent.computeIfAbsent(consentId, id -> new Stored());
        Map<String, Account> byId = new TreeMap<>(); // an account read twice in one run: the last one read
        run.accounts().forEach(account -> byId.put(account.id(), account));
        stored.accounts = List.copyOf(byId.values());
        Map<String, Transaction> fetched = new LinkedHashMap<>();
        run.transactions().forEach(t -> fetched.put(key(t), t));
        stored.transactions.values().removeIf(t -> !t.booked() && !fetched.containsKey(key(t))
                && run.window().map(from -> t.effectiveDate().map(date -> !date.isBefore(from)).orElse(true)).orElse(true));
        stored.transactions.putAll(fetched);
        run.incomeReport().ifPresent(report -> stored.incomeReport = Optional.of(report));
        stored.syncedAt = Optional.of(run.syncedAt());
        run.retainUntil().ifPresent(until -> stored.retainUntil = Optional.of(until));
    }

    @Override
    public synchronized List<Account> accounts(ConsentId consentId) {
        return Optional.ofNullable(byConsent.get(consentId)).map(s -> s.accounts).orElse(List.of());
    }

    @Override
    public synchronized List<Transaction> transactions(ConsentId consentId, TransactionSlice slice) {
        Stored stored = byConsent.get(consentId);
        if (stored == null) {
            return List.of();
        }
        pagesServed.incrementAndGet();
        boolean ranged = slice.from().isPresent() || slice.to().isPresent();
        return stored.transactions.values().stream()
                .filter(t -> slice.accountId().map(t.accountId()::equals).orElse(true))
                .filter(t -> !ranged || t.effectiveDate().map(date -> slice.from().map(from -> !date.isBefore(from)).orElse(true)
                        && slice.to().map(to -> !date.isAfter(to)).orElse(true)).orElse(false))
                .filter(t -> slice.after().map(after -> ORDER.compare(probe(after, t), t) < 0).orElse(true))
                .sorted(ORDER)
                .limit(slice.limit())
                .toList();
    }

    /** A transaction with the key's sort fields, to compare by {@link #ORDER}. */
    private static Transaction probe(TransactionSlice.Key key, Transaction like) {
        return new Transaction(key.id(), key.accountId(), like.amount(), key.date(), Optional.empty(), true,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Override
    public synchronized Optional<IncomeReport> incomeReport(ConsentId consentId) {
        return Optional.ofNullable(byConsent.get(consentId)).flatMap(s -> s.incomeReport);
    }

    @Override
    public synchronized void recordBackgroundSync(ConsentId consentId, Instant at, Instant forgetBefore) {
        Stored stored = byConsent.computeIfAbsent(consentId, id -> new Stored());
        stored.backgroundSyncs.removeIf(recorded -> recorded.isBefore(forgetBefore));
        stored.backgroundSyncs.add(at);
        stored.backgroundSyncs.sort(Comparator.naturalOrder());
    }

    @Override
    public synchronized void retainUntil(ConsentId consentId, Instant until) {
        Stored stored = byConsent.get(consentId);
        if (stored != null) {
            stored.retainUntil = Optional.of(until);
        }
    }

    @Override
    public synchronized List<ConsentId> dueForBackgroundSync(Instant before, int limit) {
        return byConsent.entrySet().stream()
                .filter(e -> e.getValue().retainUntil.isEmpty())
                .filter(e -> e.getValue().syncedAt.map(at -> at.isBefore(before)).orElse(true)
                        && e.getValue().lastAttemptAt.map(at -> at.isBefore(before)).orElse(true))
                .sorted(Comparator.comparing(e -> e.getValue().syncedAt.orElse(Instant.MIN)))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }

    @Override
    public synchronized int deleteRetentionEnded(Instant now) {
        List<ConsentId> ended = byConsent.entrySet().stream()
                .filter(e -> e.getValue().retainUntil.map(until -> !until.isAfter(now)).orElse(false))
                .map(Map.Entry::getKey).toList();
        ended.forEach(byConsent::remove);
        return ended.size();
    }

    @Override
    public synchronized boolean delete(ConsentId consentId) {
        return byConsent.remove(consentId) != null;
    }

    /** How many pages of transactions the store served. */
    public int pagesServed() {
        return pagesServed.get();
    }

    private static String key(Transaction t) {
        return t.accountId() + "\u0000" + t.id();
    }
}
