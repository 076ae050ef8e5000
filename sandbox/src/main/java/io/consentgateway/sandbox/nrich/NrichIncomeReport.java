package io.consentgateway.sandbox.nrich;

import io.consentgateway.sandbox.core.SyntheticLedger.Account;
import io.consentgateway.sandbox.core.SyntheticLedger.Ledger;
import io.consentgateway.sandbox.core.SyntheticLedger.Nature;
import io.consentgateway.sandbox.core.SyntheticLedger.Transaction;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes an income report from booked transactions, per calendar month of a period.
 * <p>
 * All amounts are positive magnitudes in the account currency. A summary's {@code total} is the
 * sum over the period, {@code low}/{@code high}/{@code average} are over the monthly totals
 * (a month without any such transaction counts as 0), {@code count} is the number of transactions.
 * Disposable income = income − regular expenses; discretionary income = disposable − variable
 * expenses; {@code ratio} = average disposable / average income.
 */
final class NrichIncomeReport {

    private NrichIncomeReport() {
    }

    static JsonObject of(Ledger ledger, List<Account> accounts, YearMonth from, YearMonth to) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        Map<Nature, List<Transaction>> byNature = new LinkedHashMap<>();
        for (Nature n : Nature.values()) {
            byNature.put(n, new ArrayList<>());
        }
        LocalDate first = from.atDay(1);
        LocalDate last = to.atEndOfMonth();
        for (Account account : accounts) {
            for (Transaction t : ledger.transactionsOf(account.id())) {
                if (t.booked() && !t.bookingDate().isBefore(first) && !t.bookingDate().isAfter(last)) {
                    byNature.get(t.nature()).add(t);
                }
            }
        }
        Map<YearMonth, BigDecimal> income = monthly(months, byNature.get(Nature.INCOME));
        Map<YearMonth, BigDecimal> regular = monthly(months, byNature.get(Nature.REGULAR_EXPENSE));
        Map<YearMonth, BigDecimal> variable = monthly(months, byNature.get(Nature.VARIABLE_EXPENSE));
        Map<YearMonth, BigDecimal> disposable = new TreeMap<>();
        Map<YearMonth, BigDecimal> discretionary = new TreeMap<>();
        for (YearMonth m : months) {
            disposable.put(m, income.get(m).subtract(regular.get(m)));
            discretionary.put(m, disposable.get(m).subtract(variable.get(m)));
        }
        BigDecimal averageIncome = average(income);
        BigDecimal ratio = averageIncome.signum() == 0 ? BigDecimal.ZERO
                : average(disposable).divide(averageIncome, 4, RoundingMode.HALF_EVEN);

        return Json.createObjectBuilder()
                .add("period", Json.createObjectBuilder().add("from", first.toString()).add("to", last.toString()))
                .add("income", Json.createObjectBuilder()
                        .add("summary", summary(income, byNature.get(Nature.INCOME).size()))
                        .add("streams", streams(byNature.get(Nature.INCOME))))
                .add("regular_expenses", Json.createObjectBuilder()
                        .add("summary", summary(regular, byNature.get(Nature.REGULAR_EXPENSE).size()))
                        .add("streams", streams(byNature.get(Nature.REGULAR_EXPENSE))))
                .add("variable_expenses", Json.createObjectBuilder()
                        .add("summary", summary(variable, byNature.get(Nature.VARIABLE_EXPENSE).size())))
                .add("disposable_income", stats(disposable).add("ratio", ratio))
                .add("discretionary_income", stats(discretionary))
                .build();
    }

    private static Map<YearMonth, BigDecimal> monthly(List<YearMonth> months, List<Transaction> transactions) {
        Map<YearMonth, BigDecimal> totals = new TreeMap<>();
        months.forEach(m -> totals.put(m, BigDecimal.ZERO.setScale(2)));
        for (Transaction t : transactions) {
            totals.merge(YearMonth.from(t.bookingDate()), t.amount().abs(), BigDecimal::add);
        }
        return totals;
    }

    private static JsonObjectBuilder summary(Map<YearMonth, BigDecimal> monthly, int count) {
        return stats(monthly).add("count", count);
    }

    private static JsonObjectBuilder stats(Map<YearMonth, BigDecimal> monthly) {
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        BigDecimal low = null;
        BigDecimal high = null;
        for (BigDecimal v : monthly.values()) {
            total = total.add(v);
            low = low == null || v.compareTo(low) < 0 ? v : low;
            high = high == null || v.compareTo(high) > 0 ? v : high;
        }
        return Json.createObjectBuilder()
                .add("total", total)
                .add("low", low == null ? BigDecimal.ZERO.setScale(2) : low)
                .add("high", high == null ? BigDecimal.ZERO.setScale(2) : high)
                .add("average", average(monthly));
    }

    private static BigDecimal average(Map<YearMonth, BigDecimal> monthly) {
        if (monthly.isEmpty()) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal total = monthly.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return total.divide(BigDecimal.valueOf(monthly.size()), 2, RoundingMode.HALF_EVEN);
    }

    /** One stream per counterpart: recurring credits or debits. */
    private static JsonArrayBuilder streams(List<Transaction> transactions) {
        Map<String, List<Transaction>> byName = new TreeMap<>();
        for (Transaction t : transactions) {
            byName.computeIfAbsent(t.counterparty(), k -> new ArrayList<>()).add(t);
        }
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Map.Entry<String, List<Transaction>> e : byName.entrySet()) {
            List<Transaction> items = e.getValue();
            BigDecimal sum = items.stream().map(t -> t.amount().abs()).reduce(BigDecimal.ZERO, BigDecimal::add);
            LocalDate lastDate = items.stream().map(Transaction::bookingDate).max(LocalDate::compareTo).orElseThrow();
            JsonObjectBuilder stream = Json.createObjectBuilder().add("name", e.getKey());
            if (items.get(0).counterpartyIban() != null) {
                stream.add("iban", items.get(0).counterpartyIban());
            }
            array.add(stream
                    .add("frequency", "monthly")
                    .add("average", sum.divide(BigDecimal.valueOf(items.size()), 2, RoundingMode.HALF_EVEN))
                    .add("count", items.size())
                    .add("last_date", lastDate.toString()));
        }
        return array;
    }
}
