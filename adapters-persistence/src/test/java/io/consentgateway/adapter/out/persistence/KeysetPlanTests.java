package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.testing.AdapterExtension;
import io.consentgateway.application.port.out.SyncRun;
import io.consentgateway.application.port.out.TransactionSlice;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.shared.ConsentId;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.consentgateway.application.port.out.contract.PortFixtures.T0;
import static io.consentgateway.application.port.out.contract.PortFixtures.pending;
import static io.consentgateway.application.port.out.contract.PortFixtures.richTransaction;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page costs the page, not the history: with 10,000 transactions of a consent (and another consent's beside them),
 * the database's plan for a page deep in the history is a range of the page index that stops after the page, with no
 * sort and no row read and thrown away. Prints the plans.
 */
abstract class KeysetPlanTests {
    static final int TRANSACTIONS = 10_000;
    static final int LIMIT = 50;
    /** The history spreads over this many days ... */
    static final int DAYS = 1_100;
    /** ... so no day has more transactions than this. */
    static final int MOST_ON_ONE_DAY = (TRANSACTIONS + DAYS - 1) / DAYS;
    private static final LocalDate DAY = LocalDate.of(2026, 2, 10);

    private final ConsentId consent = ConsentId.random();
    private TransactionSlice.Key middle;

    protected abstract AdapterExtension db();

    /** The plan of {@code page} with its parameters bound, as the database explains it after running it. */
    protected abstract String explain(Jdbi jdbi, String page, ConsentId consent, TransactionKeyset range);

    /** That the plan reads one range of {@code index}, in order, no more rows than the page. */
    protected abstract void assertReadsOnlyThePage(String plan, String index);

    @BeforeEach
    void storeALongHistory() {
        List<String> accounts = List.of("giro", "savings", "card", "joint");
        List<Transaction> history = IntStream.range(0, TRANSACTIONS)
                .mapToObj(i -> i % 97 == 0
                        ? pending(accounts.get(i % 4), "pending-" + i, Optional.empty())
                        : richTransaction(accounts.get(i % 4), "t-" + i, DAY.minusDays(i % DAYS)))
                .toList();
        long started = System.nanoTime();
        db().adapter().accountData().store(consent, run(history));
        System.out.printf("[keyset] %s: stored %,d transactions in %d ms%n", db().database().kind(), TRANSACTIONS,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        db().adapter().accountData().store(ConsentId.random(), run(history.subList(0, 2_000)));
        middle = TransactionSlice.Key.of(history.stream()
                .sorted(Comparator.comparing((Transaction t) -> t.effectiveDate().orElse(LocalDate.MIN), Comparator.reverseOrder())
                        .thenComparing(Transaction::accountId).thenComparing(Transaction::id))
                .toList().get(TRANSACTIONS / 2));
        analyze(Jdbi.create(db().database().dataSource()));
    }

    /** Brings the planner's statistics up to date, where the database keeps any. */
    protected void analyze(Jdbi jdbi) {
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aPageInTheMiddleOfTheHistoryReadsOneRangeOfThePageIndex() {
        TransactionKeyset range = TransactionKeyset.of(slice(Optional.empty()));

        String plan = explain(Jdbi.create(db().database().dataSource()), JdbiAccountDataStore.PAGE, consent, range);

        System.out.println("[keyset] " + db().database().kind() + " plan of a page after the middle of the history:\n" + plan);
        assertReadsOnlyThePage(plan, "stored_transactions_page_idx");
        assertThat(db().adapter().accountData().transactions(consent, slice(Optional.empty()))).hasSize(LIMIT);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void anAccountsPageInTheMiddleOfItsHistoryReadsOneRangeOfTheAccountIndex() {
        TransactionKeyset range = TransactionKeyset.of(slice(Optional.of("joint")))
                .withinAccount(SortableId.encode("joint")).orElseThrow();

        String plan = explain(Jdbi.create(db().database().dataSource()), JdbiAccountDataStore.ACCOUNT_PAGE, consent, range);

        System.out.println("[keyset] " + db().database().kind() + " plan of one account's page:\n" + plan);
        assertReadsOnlyThePage(plan, "stored_transactions_account_page_idx");
        assertThat(db().adapter().accountData().transactions(consent, slice(Optional.of("joint")))).hasSize(LIMIT);
    }

    private TransactionSlice slice(Optional<String> account) {
        return new TransactionSlice(account, Optional.empty(), Optional.empty(), Optional.of(middle), LIMIT);
    }

    private static SyncRun run(List<Transaction> transactions) {
        return new SyncRun(List.of(), transactions, Optional.empty(), Optional.empty(), T0, Optional.empty());
    }
}
