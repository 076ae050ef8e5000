package io.consentgateway.adapter.out.nrich;

import io.consentgateway.adapter.kit.PagingLimitExceeded;
import io.consentgateway.adapter.kit.PagedRead;
import io.consentgateway.adapter.out.nrich.api.AccountDto;
import io.consentgateway.adapter.out.nrich.api.NrichDataApi;
import io.consentgateway.adapter.out.nrich.api.TransactionDto;
import io.consentgateway.adapter.out.nrich.api.TransactionsResponse;
import io.consentgateway.adapter.out.nrich.http.Endpoint;
import io.consentgateway.adapter.out.nrich.http.NrichFailures;
import io.consentgateway.adapter.out.nrich.mapping.NrichMapping;
import io.consentgateway.application.port.out.TransactionFilter;
import io.consentgateway.domain.finance.Transaction;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One read of a user's transactions at nrich, which pages with {@code count}/{@code offset}:
 * <ol>
 *   <li><b>the walk</b>: {@code GET /rest/transactions} page after page until a page holds fewer than {@code count}
 *       items (an empty page ends it too), at most {@code cg.nrich.max-pages} pages and {@code cg.nrich.max-transactions}
 *       items in all (else {@link PagingLimitExceeded}), within {@code cg.nrich.read-deadline} as a whole; a page nrich
 *       fails to serve is fetched again on its own ({@link PagedRead}), never the walk from page one. Items are read one
 *       by one: one that cannot be read is left out but still counts for the next {@code offset};</li>
 *   <li><b>the currencies</b>: transactions without one take their account's (one extra accounts call, only then),
 *       else EUR;</li>
 *   <li><b>once each</b>: a transaction seen twice (the data moved between pages) is kept once.</li>
 * </ol>
 */
final class NrichTransactionWalk {
    private final NrichDataApi data;
    private final NrichSettings settings;
    private final Clock clock;

    NrichTransactionWalk(NrichDataApi data, NrichSettings settings, Clock clock) {
        this.data = data;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param authorization the {@code Authorization} header of the user's access token
     * @param accounts      the user's accounts, asked only when a transaction lacks its currency
     */
    List<Transaction> read(String authorization, TransactionFilter filter, Supplier<List<AccountDto>> accounts) {
        List<TransactionDto> all = pages(authorization, filter);
        Map<String, Optional<Currency>> currencies = all.stream().anyMatch(NrichMapping::lacksCurrency)
                ? currencies(accounts.get()) : Map.of();
        Optional<String> onlyAccount = filter.accountIds().size() == 1
                ? Optional.of(filter.accountIds().get(0)) : Optional.empty();
        return onceEach(NrichMapping.transactions(all, id -> currencies.getOrDefault(id, Optional.empty()), onlyAccount));
    }

    private List<TransactionDto> pages(String authorization, TransactionFilter filter) {
        String accounts = filter.accountIds().isEmpty() ? null : String.join(",", filter.accountIds());
        String since = filter.from().map(LocalDate::toString).orElse(null);
        String until = filter.to().map(LocalDate::toString).orElse(null);
        int count = settings.pageSize();
        PagedRead read = PagedRead.start("nrich transactions", settings.common().readDeadline(), clock);
        List<TransactionDto> all = new ArrayList<>();
        int offset = 0;
        long received = 0;
        for (int page = 0; ; page++) {
            settings.common().requireAnotherPage("nrich transactions", page, count);
            int at = offset;
            TransactionsResponse response = read.page(() -> NrichFailures.translated(Endpoint.DATA,
                    () -> data.transactions(authorization, accounts, since, until, count, at)));
            NrichMapping.Received<TransactionDto> items = NrichMapping.transactionItems(
                    response == null ? null : response.transactions());
            received += items.received();
            settings.common().requireTransactionsWithinLimit("nrich transactions", received);
            all.addAll(items.items());
            if (items.received() < count) {
                return all;
            }
            offset += items.received();
        }
    }

    private static Map<String, Optional<Currency>> currencies(List<AccountDto> accounts) {
        Map<String, Optional<Currency>> currencies = new HashMap<>();
        NrichMapping.accounts(accounts).forEach(account -> currencies.put(account.id(), account.currency()));
        return currencies;
    }

    private static List<Transaction> onceEach(List<Transaction> transactions) {
        Map<String, Transaction> unique = new LinkedHashMap<>();
        transactions.forEach(t -> unique.putIfAbsent(t.accountId() + "\u0000" + t.id(), t));
        return List.copyOf(unique.values());
    }
}
