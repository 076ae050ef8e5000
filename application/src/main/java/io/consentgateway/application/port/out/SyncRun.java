package io.consentgateway.application.port.out;

import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.shared.Require;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What one sync read from the provider, to be stored at once ({@link AccountDataStore#store}).
 *
 * @param window       the first date the transactions were read from (an incremental sync), or empty (the whole history)
 * @param incomeReport the income report, for an income-report consent
 * @param retainUntil  when the data is to be deleted, where the run sets it (a one-time snapshot)
 */
public record SyncRun(List<Account> accounts, List<Transaction> transactions, Optional<LocalDate> window,
                      Optional<IncomeReport> incomeReport, Instant syncedAt, Optional<Instant> retainUntil) {
    public SyncRun {
        accounts = List.copyOf(Require.nonNull(accounts, "accounts"));
        transactions = List.copyOf(Require.nonNull(transactions, "transactions"));
        Require.optionals("sync run", window, incomeReport, retainUntil);
        Require.nonNull(syncedAt, "synced at");
    }
}
