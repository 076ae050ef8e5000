package io.consentgateway.adapter.in.rest.dto;

import io.consentgateway.domain.finance.IncomeReport;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A verification report of income and expenses over a period. */
@Schema(name = "IncomeReport", description = "Income and expenses over the reporting period, in the report's currency.",
        example = "{\"periodFrom\":\"2025-11-01\",\"periodTo\":\"2026-10-31\",\"currency\":\"EUR\","
                + "\"income\":{\"total\":40217.40,\"low\":3298.10,\"high\":3420.00,\"average\":3351.45,"
                + "\"count\":12},\"incomeStreams\":[{\"name\":\"Salary Musterfirma GmbH\","
                + "\"frequency\":\"monthly\",\"average\":3351.45,\"count\":12}],"
                + "\"regularExpenses\":{\"average\":1146.47},\"variableExpenses\":{\"average\":850.10},"
                + "\"disposableIncome\":{\"average\":2204.98},\"disposableIncomeRatio\":0.66,"
                + "\"discretionaryIncome\":{\"average\":1354.88}}")
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
