package io.consentgateway.application.service;

import io.consentgateway.application.port.in.InvalidInput;
import io.consentgateway.application.port.in.ReadTransactions;
import io.consentgateway.application.port.in.TransactionsPage;
import io.consentgateway.application.port.in.TransactionsQuery;
import io.consentgateway.application.port.out.TransactionFilter;
import io.consentgateway.domain.finance.Transaction;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a page of a consent's transactions. The provider adapter fetches the filtered set (walking the
 * provider's own pages); this service orders it newest first and cuts the requested page, with an opaque keyset
 * cursor (the last item's date, account and id) for the next one.
 */
public final class ReadTransactionsService implements ReadTransactions {
    private final ConsentReader reader;

    public ReadTransactionsService(ConsentReader reader) {
        this.reader = reader;
    }

    @Override
    public TransactionsPage transactions(TransactionsQuery query) {
        int filterHash = Objects.hash(query.consentId(), query.accountId(), query.from(), query.to());
        Optional<TransactionCursor> after = query.cursor().map(c -> TransactionCursor.decode(c, filterHash));
        TransactionFilter filter = new TransactionFilter(query.accountId().stream().toList(), query.from(), query.to());
        List<Transaction> all = reader.read(reader.owned(query.userId(), query.consentId()), (provider, token) -> {
            query.accountId().ifPresent(account -> {
                // Checked here, in the caller's terms: a provider would refuse it in its own vocabulary, or return nothing.
                if (provider.accounts(token).stream().noneMatch(a -> a.id().equals(account))) {
                    throw InvalidInput.of("account", "is not an account of this consent");
                }
            });
            return provider.transactions(token, filter);
        });
        return page(all, after, query.limit(), filterHash);
    }

    /** Cuts the page that follows {@code after} (or the first page) out of the transactions, newest first. */
    static TransactionsPage page(List<Transaction> transactions, Optional<TransactionCursor> after, int limit, int filterHash) {
        List<Transaction> following = transactions.stream()
                .sorted(TransactionCursor.NEWEST_FIRST)
                .filter(t -> after.map(cursor -> cursor.precedes(t)).orElse(true))
                .toList();
        List<Transaction> page = following.subList(0, Math.min(limit, following.size()));
        Optional<String> next = following.size() > page.size()
                ? Optional.of(TransactionCursor.after(page.get(page.size() - 1), filterHash).encode())
                : Optional.empty();
        return new TransactionsPage(page, next);
    }
}
