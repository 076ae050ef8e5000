package io.consentgateway.application.service;

import io.consentgateway.application.port.in.InvalidInput;
import io.consentgateway.application.port.in.ReadTransactions;
import io.consentgateway.application.port.in.Synced;
import io.consentgateway.application.port.in.TransactionsPage;
import io.consentgateway.application.port.in.TransactionsQuery;
import io.consentgateway.application.port.out.TransactionSlice;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.shared.ConsentId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a page of a consent's transactions from the store: newest first, with an opaque keyset cursor (the last
 * item's date, account and id) for the next one. The store answers one page (and one item more, to know whether
 * another page follows), so a page costs the page, not the history.
 */
public final class ReadTransactionsService implements ReadTransactions {
    private final StoredData data;

    public ReadTransactionsService(StoredData data) {
        this.data = data;
    }

    @Override
    public TransactionsPage transactions(TransactionsQuery query) {
        int filterHash = Objects.hash(query.consentId(), query.accountId(), query.from(), query.to());
        Optional<TransactionCursor> after = query.cursor().map(c -> TransactionCursor.decode(c, filterHash));
        Consent consent = data.owned(query.userId(), query.consentId());
        Synced<List<Transaction>> oneMore = data.serve(consent, id -> {
            query.accountId().ifPresent(account -> requireAccountOf(id, account));
            return data.transactions(id, new TransactionSlice(query.accountId(), query.from(), query.to(),
                    after.map(TransactionCursor::key), query.limit() + 1));
        });
        List<Transaction> found = oneMore.data();
        List<Transaction> page = found.subList(0, Math.min(query.limit(), found.size()));
        Optional<String> next = found.size() > page.size()
                ? Optional.of(TransactionCursor.after(page.get(page.size() - 1), filterHash).encode())
                : Optional.empty();
        return new TransactionsPage(page, next, oneMore.syncedAt());
    }

    /** Checked here, in the caller's terms: filtering by another consent's account would just answer nothing. */
    private void requireAccountOf(ConsentId consentId, String account) {
        if (data.accounts(consentId).stream().noneMatch(a -> a.id().equals(account))) {
            throw InvalidInput.of("account", "is not an account of this consent");
        }
    }
}
