package io.consentgateway.domain.finance;

import io.consentgateway.domain.shared.Require;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A verification report of a user's income and expenses over a period, provider-neutral. Amounts are in
 * the report's currency; any figure the provider leaves out is empty.
 */
public record IncomeReport(
        Optional<LocalDate> periodFrom,
        Optional<LocalDate> periodTo,
        Optional<String> currency,
        Figures income,
        List<Stream> incomeStreams,
        Figures regularExpenses,
        List<Stream> regularExpenseStreams,
        Figures variableExpenses,
        Figures disposableIncome,
        Optional<BigDecimal> disposableIncomeRatio,
        Figures discretionaryIncome) {

    public IncomeReport {
        Require.optionals("income report", periodFrom, periodTo, currency, disposableIncomeRatio);
        Require.nonNull(income, "income");
        incomeStreams = List.copyOf(Require.nonNull(incomeStreams, "income streams"));
        Require.nonNull(regularExpenses, "regular expenses");
        regularExpenseStreams = List.copyOf(Require.nonNull(regularExpenseStreams, "regular expense streams"));
        Require.nonNull(variableExpenses, "variable expenses");
        Require.nonNull(disposableIncome, "disposable income");
        Require.nonNull(discretionaryIncome, "discretionary income");
    }

    /** Summary figures of one category: total, lowest and highest month, monthly average, count of items. */
    public record Figures(Optional<BigDecimal> total, Optional<BigDecimal> low, Optional<BigDecimal> high,
                          Optional<BigDecimal> average, Optional<Integer> count) {
        public Figures {
            Require.optionals("figures", total, low, high, average, count);
        }

        public static Figures empty() {
            return new Figures(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** A recurring income or expense, e.g. a salary. */
    public record Stream(String name, Optional<String> counterpartyIban, Optional<String> frequency,
                         Optional<BigDecimal> average, Optional<Integer> count, Optional<LocalDate> lastDate) {
        public Stream {
            Require.nonBlank(name, "stream name");
            Require.optionals("stream", counterpartyIban, frequency, average, count, lastDate);
        }
    }
}
