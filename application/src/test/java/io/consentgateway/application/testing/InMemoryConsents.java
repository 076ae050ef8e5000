package io.consentgateway.application.testing;

import io.consentgateway.application.port.out.ConcurrentUpdate;
import io.consentgateway.application.port.out.Consents;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.UserId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The consents repository in memory: optimistic versions, a per-consent row lock held until the surrounding
 * {@link InMemoryUnitOfWork} transaction ends, and leased claims of due consents.
 */
public final class InMemoryConsents implements Consents {
    private final InMemoryUnitOfWork unitOfWork;
    private final InMemoryRefreshJournal journal;
    private final Map<ConsentId, Consent> byId = new ConcurrentHashMap<>();
    private final Map<ConsentId, Instant> leases = new ConcurrentHashMap<>();
    private final Map<ConsentId, ReentrantLock> rowLocks = new ConcurrentHashMap<>();

    public InMemoryConsents(InMemoryUnitOfWork unitOfWork) {
        this(unitOfWork, new InMemoryRefreshJournal());
    }

    /** With the refresh journal whose notes {@link #delete} removes with the consent. */
    public InMemoryConsents(InMemoryUnitOfWork unitOfWork, InMemoryRefreshJournal journal) {
        this.unitOfWork = unitOfWork;
        this.journal = journal;
    }

    @Override
    public synchronized Consent save(Consent consent) {
        Consent stored = byId.get(consent.id());
        if (consent.version() == 0) {
            if (stored != null) {
                throw new ConcurrentUpdate("consent " + consent.id() + " exists already");
            }
        } else if (stored == null || stored.version() != consent.version()) {
            throw new ConcurrentUpdate("consent " + consent.id() + " was changed meanwhile");
        }
        Consent next = consent.withVersion(consent.version() + 1);
        byId.put(next.id(), next);
        leases.remove(next.id());
        return next;
    }

    @Override
    public Optional<Consent> findById(ConsentId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<Consent> findByUser(UserId userId) {
        return byId.values().stream()
                .filter(c -> c.userId().equals(userId))
                .sorted(Comparator.comparing(Consent::grantedAt).reversed())
                .toList();
    }

    @Override
    public List<ConsentId> idsOfUser(UserId userId) {
        return byId.values().stream().filter(c -> c.userId().equals(userId)).map(Consent::id).toList();
    }

    @Override
    public Optional<Consent> lockForRefresh(ConsentId id) {
        if (!unitOfWork.active()) {
            throw new IllegalStateException("lockForRefresh must be called inside a transaction");
        }
        if (!byId.containsKey(id)) {
            return Optional.empty();
        }
        ReentrantLock lock = rowLocks.computeIfAbsent(id, k -> new ReentrantLock());
        if (!lock.isHeldByCurrentThread()) {
            lock.lock();
            unitOfWork.atEnd(lock::unlock);
        }
        return findById(id);
    }

    @Override
    public synchronized List<ConsentId> claimDue(Instant now, int limit, Instant leaseUntil) {
        List<ConsentId> claimed = new ArrayList<>();
        byId.values().stream()
                .filter(c -> c.nextCheckAt().map(due -> !due.isAfter(now)).orElse(false))
                .filter(c -> {
                    Instant lease = leases.get(c.id());
                    return lease == null || lease.isBefore(now);
                })
                .sorted(Comparator.comparing(c -> c.nextCheckAt().orElseThrow()))
                .limit(limit)
                .forEach(c -> {
                    leases.put(c.id(), leaseUntil);
                    claimed.add(c.id());
                });
        return claimed;
    }

    public int size() {
        return byId.size();
    }

    @Override
    public synchronized boolean delete(ConsentId id) {
        leases.remove(id);
        journal.withdrawn(id);
        return byId.remove(id) != null;
    }
}
