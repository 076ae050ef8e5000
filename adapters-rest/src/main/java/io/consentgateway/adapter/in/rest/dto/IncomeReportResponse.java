package io.consentgateway.adapter.in.rest.dto;

import io.consentgateway.domain.finance.IncomeReport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A verification report of income and expenses over a period. */
public record IncomeReportResponse(String periodFrom, String periodTo, String currency, Figures income, List<Stream> incomeStreams,
                                   Figures regularExpenses, List<Stream> regularExpenseStreams, Figures variableExpenses,
                                   Figures disposableIncome, BigDecimal disposableIncomeRatio, Figures discretionaryIncome) {

    /** Summary figures of one category. */
    public record Figures(BigDecimal total, BigDecimal low, BigDecimal high, BigDecimal average, Integer count) {
        static Figures of(IncomeReport.Figures f) {
            return new Figures(f.total().orElse(null), f.low().orElse(null), f.high().orElse(null), f.average().orElse(null),
                    f.count().orElse(null));
        }
    }

    /** A recurring income or expense. */
    public record Stream(String name, String counterpartyIban, String frequency, BigDecimal average, Integer count, String lastDate) {
        static Stream of(IncomeReport.Stream s) {
            return new Stream(s.name(), s.counterpartyIban().orElse(null), s.frequency().orElse(null), s.average().orElse(null),
                    s.count().orElse(null), s.lastDate().map(LocalDate::toString).orElse(null));
        }
    }

    public static IncomeReportResponse of(IncomeReport r) {
        return new IncomeReportResponse(r.periodFrom().map(LocalDate::toString).orElse(null),
                r.periodTo().map(LocalDate::toString).orElse(null), r.currency().orElse(null), Figures.of(r.income()),
                r.incomeStreams().stream().map(Stream::of).toList(), Figures.of(r.regularExpenses()),
                r.regularExpenseStreams().stream().map(Stream::of).toList(), Figures.of(r.variableExpenses()),
                Figures.of(r.disposableIncome()), r.disposableIncomeRatio().orElse(null), Figures.of(r.discretionaryIncome()));
    }
}
