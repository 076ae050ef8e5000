package io.consentgateway.adapter.out.persistence.payload;

import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.Balance;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.finance.Money;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.shared.Iban;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The stored form of the finance records, before encryption: version 1 of a small binary format of our own (see
 * {@link PayloadWriter}), in Base64. Every field is written, in the order of the record's components, except the ids:
 * those are the row's key columns, and the encryption binds the payload to its row, so the ids are authenticated
 * without being written twice.
 *
 * <p>Why not JSON or Java serialization: no new dependency, nothing reflective that could read back a class it was
 * not meant to, and the {@link #VERSION version byte} lets a later format read the rows this one wrote. A reader
 * names each value as it reads it, in the order the writer wrote them, and builds the record from the names.
 */
public final class FinancePayloads {
    /** The format version every payload starts with. */
    static final int VERSION = 1;

    private FinancePayloads() {
    }

    public static String account(Account account) {
        return new PayloadWriter(VERSION)
                .optional(account.iban(), (w, iban) -> w.text(iban.value()))
                .optional(account.accountNumber(), PayloadWriter::text)
                .optional(account.bankCode(), PayloadWriter::text)
                .optional(account.bic(), PayloadWriter::text)
                .optional(account.name(), PayloadWriter::text)
                .optional(account.owner(), PayloadWriter::text)
                .optional(account.bankName(), PayloadWriter::text)
                .optional(account.currency(), (w, currency) -> w.text(currency.getCurrencyCode()))
                .optional(account.type(), PayloadWriter::text)
                .optional(account.balance(), FinancePayloads::balance)
                .toBase64();
    }

    public static Account account(String id, String payload) {
        return PayloadReader.read(payload, VERSION, r -> {
            Optional<Iban> iban = r.optional(reader -> new Iban(reader.text()));
            Optional<String> accountNumber = r.optional(PayloadReader::text);
            Optional<String> bankCode = r.optional(PayloadReader::text);
            Optional<String> bic = r.optional(PayloadReader::text);
            Optional<String> name = r.optional(PayloadReader::text);
            Optional<String> owner = r.optional(PayloadReader::text);
            Optional<String> bankName = r.optional(PayloadReader::text);
            Optional<Currency> currency = r.optional(PayloadReader::currency);
            Optional<String> type = r.optional(PayloadReader::text);
            Optional<Balance> balance = r.optional(FinancePayloads::balance);
            return new Account(id, iban, accountNumber, bankCode, bic, name, owner, bankName, currency, type, balance);
        });
    }

    public static String transaction(Transaction t) {
        return new PayloadWriter(VERSION)
                .money(t.amount())
                .optional(t.bookingDate(), PayloadWriter::date)
                .optional(t.valueDate(), PayloadWriter::date)
                .flag(t.booked())
                .optional(t.counterpartyName(), PayloadWriter::text)
                .optional(t.counterpartyIban(), PayloadWriter::text)
                .optional(t.counterpartyBic(), PayloadWriter::text)
                .optional(t.purpose(), PayloadWriter::text)
                .optional(t.bookingText(), PayloadWriter::text)
                .optional(t.type(), PayloadWriter::text)
                .list(t.categories(), PayloadWriter::text)
                .optional(t.endToEndReference(), PayloadWriter::text)
                .optional(t.mandateReference(), PayloadWriter::text)
                .optional(t.creditorId(), PayloadWriter::text)
                .toBase64();
    }

    public static Transaction transaction(String accountId, String id, String payload) {
        return PayloadReader.read(payload, VERSION, r -> {
            Money amount = r.money();
            Optional<LocalDate> bookingDate = r.optional(PayloadReader::date);
            Optional<LocalDate> valueDate = r.optional(PayloadReader::date);
            boolean booked = r.flag();
            Optional<String> counterpartyName = r.optional(PayloadReader::text);
            Optional<String> counterpartyIban = r.optional(PayloadReader::text);
            Optional<String> counterpartyBic = r.optional(PayloadReader::text);
            Optional<String> purpose = r.optional(PayloadReader::text);
            Optional<String> bookingText = r.optional(PayloadReader::text);
            Optional<String> type = r.optional(PayloadReader::text);
            List<String> categories = r.list(PayloadReader::text);
            Optional<String> endToEndReference = r.optional(PayloadReader::text);
            Optional<String> mandateReference = r.optional(PayloadReader::text);
            Optional<String> creditorId = r.optional(PayloadReader::text);
            return new Transaction(id, accountId, amount, bookingDate, valueDate, booked, counterpartyName,
                    counterpartyIban, counterpartyBic, purpose, bookingText, type, categories, endToEndReference,
                    mandateReference, creditorId);
        });
    }

    public static String incomeReport(IncomeReport report) {
        return new PayloadWriter(VERSION)
                .optional(report.periodFrom(), PayloadWriter::date)
                .optional(report.periodTo(), PayloadWriter::date)
                .optional(report.currency(), PayloadWriter::text)
                .part(report.income(), FinancePayloads::figures)
                .list(report.incomeStreams(), FinancePayloads::stream)
                .part(report.regularExpenses(), FinancePayloads::figures)
                .list(report.regularExpenseStreams(), FinancePayloads::stream)
                .part(report.variableExpenses(), FinancePayloads::figures)
                .part(report.disposableIncome(), FinancePayloads::figures)
                .optional(report.disposableIncomeRatio(), PayloadWriter::decimal)
                .part(report.discretionaryIncome(), FinancePayloads::figures)
                .toBase64();
    }

    public static IncomeReport incomeReport(String payload) {
        return PayloadReader.read(payload, VERSION, r -> new IncomeReport(
                r.optional(PayloadReader::date),
                r.optional(PayloadReader::date),
                r.optional(PayloadReader::text),
                figures(r),
                r.list(FinancePayloads::stream),
                figures(r),
                r.list(FinancePayloads::stream),
                figures(r),
                figures(r),
                r.optional(PayloadReader::decimal),
                figures(r)));
    }

    private static void balance(PayloadWriter w, Balance balance) {
        w.money(balance.amount())
                .optional(balance.asOf(), PayloadWriter::instant)
                .optional(balance.creditLine(), PayloadWriter::money)
                .optional(balance.monthlySpendingLimit(), PayloadWriter::money);
    }

    private static Balance balance(PayloadReader r) {
        Money amount = r.money();
        return new Balance(amount, r.optional(PayloadReader::instant), r.optional(PayloadReader::money),
                r.optional(PayloadReader::money));
    }

    private static void figures(PayloadWriter w, IncomeReport.Figures figures) {
        w.optional(figures.total(), PayloadWriter::decimal)
                .optional(figures.low(), PayloadWriter::decimal)
                .optional(figures.high(), PayloadWriter::decimal)
                .optional(figures.average(), PayloadWriter::decimal)
                .optional(figures.count(), PayloadWriter::integer);
    }

    private static IncomeReport.Figures figures(PayloadReader r) {
        return new IncomeReport.Figures(r.optional(PayloadReader::decimal), r.optional(PayloadReader::decimal),
                r.optional(PayloadReader::decimal), r.optional(PayloadReader::decimal), r.optional(PayloadReader::integer));
    }

    private static void stream(PayloadWriter w, IncomeReport.Stream stream) {
        w.text(stream.name())
                .optional(stream.counterpartyIban(), PayloadWriter::text)
                .optional(stream.frequency(), PayloadWriter::text)
                .optional(stream.average(), PayloadWriter::decimal)
                .optional(stream.count(), PayloadWriter::integer)
                .optional(stream.lastDate(), PayloadWriter::date);
    }

    private static IncomeReport.Stream stream(PayloadReader r) {
        return new IncomeReport.Stream(r.text(), r.optional(PayloadReader::text), r.optional(PayloadReader::text),
                r.optional(PayloadReader::decimal), r.optional(PayloadReader::integer), r.optional(PayloadReader::date));
    }
}
