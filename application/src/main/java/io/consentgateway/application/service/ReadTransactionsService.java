package io.consentgateway.application.service;

import io.consentgateway.application.port.in.InvalidInput;
import io.consentgateway.application.port.in.ReadTransactions;
import io.consentgateway.application.port.in.TransactionsPage;
import io.consentgateway.application.port.in.TransactionsQuery;
import io.consentgateway.application.port.out.TransactionFilter;
import io.consentgateway.domain.finance.Transaction;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a page of a consent's transactions. The provider adapter fetches the filtered set (walking the
 * provider's own pages); this service orders it newest first and cuts the requested page, with an opaque
 * cursor for the next one.
 */
public final class ReadTransactionsService implements ReadTransactions {
    private static final Comparator<Transaction> NEWEST_FIRST = Comparator
            .comparing((Transaction t) -> t.effectiveDate().orElse(LocalDate.MIN)).reversed()
            .thenComparing(Transaction::id);

    private final ConsentReader reader;

    public ReadTransactionsService(ConsentReader reader) {
        this.reader = reader;
    }

    @Override
    public TransactionsPage transactions(TransactionsQuery query) {
        int filterHash = Objects.hash(query.consentId(), query.accountId(), query.from(), query.to());
        int offset = query.cursor().map(c -> TransactionCursor.decode(c, filterHash).offset()).orElse(0);
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
        List<Transaction> sorted = all.stream().sorted(NEWEST_FIRST).toList();
        int from = Math.min(offset, sorted.size());
        int to = Math.min(from + query.limit(), sorted.size());
        Optional<String> next = to < sorted.size()
                ? Optional.of(new TransactionCursor(to, filterHash).encode())
                : Optional.empty();
        return new TransactionsPage(sorted.subList(from, to), next);
    }
}
