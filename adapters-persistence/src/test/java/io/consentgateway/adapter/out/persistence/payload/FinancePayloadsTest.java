package io.consentgateway.adapter.out.persistence.payload;

import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.Balance;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.finance.Money;
import io.consentgateway.domain.finance.Transaction;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import static io.consentgateway.application.port.out.contract.PortFixtures.LARGE_DEBIT;
import static io.consentgateway.application.port.out.contract.PortFixtures.NEGATIVE_SCALE;
import static io.consentgateway.application.port.out.contract.PortFixtures.UNICODE_TEXT;
import static io.consentgateway.application.port.out.contract.PortFixtures.emptyIncomeReport;
import static io.consentgateway.application.port.out.contract.PortFixtures.plainAccount;
import static io.consentgateway.application.port.out.contract.PortFixtures.plainTransaction;
import static io.consentgateway.application.port.out.contract.PortFixtures.richAccount;
import static io.consentgateway.application.port.out.contract.PortFixtures.richIncomeReport;
import static io.consentgateway.application.port.out.contract.PortFixtures.richTransaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every field of every finance record survives its stored form, present or empty; a payload in another form is refused. */
class FinancePayloadsTest {
    private static final LocalDate DAY = LocalDate.of(2026, 2, 10);

    @Test
    void anAccountWithEveryFieldRoundTrips() {
        Account account = richAccount("acc-1");

        assertThat(FinancePayloads.account("acc-1", FinancePayloads.account(account))).isEqualTo(account);
    }

    @Test
    void anAccountWithNoOptionalPartRoundTrips() {
        Account account = plainAccount("acc-1");

        assertThat(FinancePayloads.account("acc-1", FinancePayloads.account(account))).isEqualTo(account);
    }

    @Test
    void aBalanceWithOnlyItsAmountRoundTrips() {
        Account account = new Account("acc-1", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(Currency.getInstance("CHF")), Optional.empty(),
                Optional.of(new Balance(Money.of("0.00", "CHF"), Optional.empty(), Optional.empty(), Optional.empty())));

        assertThat(FinancePayloads.account("acc-1", FinancePayloads.account(account))).isEqualTo(account);
    }

    @Test
    void aTransactionWithEveryFieldRoundTrips() {
        Transaction transaction = richTransaction("giro", "t-1", DAY);

        assertThat(FinancePayloads.transaction("giro", "t-1", FinancePayloads.transaction(transaction))).isEqualTo(transaction);
    }

    @Test
    void aTransactionWithNoOptionalPartRoundTrips() {
        Transaction transaction = plainTransaction("giro", "t-1", Optional.empty(), Optional.empty(), false);

        assertThat(FinancePayloads.transaction("giro", "t-1", FinancePayloads.transaction(transaction))).isEqualTo(transaction);
    }

    @Test
    void amountsKeepTheirValueScaleAndSignAndTextsEveryCharacter() {
        Money huge = new Money(new BigDecimal(BigInteger.TWO.pow(200).negate()), Currency.getInstance("USD"));
        List<Money> amounts = List.of(LARGE_DEBIT, NEGATIVE_SCALE, Money.of("-0.00", "EUR"), Money.of("1.10", "EUR"),
                Money.of("0.000000000000000000000000001", "BTN"), huge);
        for (Money amount : amounts) {
            Transaction transaction = new Transaction("t", "a", amount, Optional.of(LocalDate.MIN), Optional.of(LocalDate.MAX),
                    true, Optional.of(""), Optional.of(UNICODE_TEXT), Optional.of("\u0000\uFFFF"),
                    Optional.of("x".repeat(100_000)), Optional.empty(), Optional.empty(), List.of("", UNICODE_TEXT),
                    Optional.empty(), Optional.empty(), Optional.empty());

            Transaction read = FinancePayloads.transaction("a", "t", FinancePayloads.transaction(transaction));

            assertThat(read).isEqualTo(transaction);
            assertThat(read.amount().amount().scale()).isEqualTo(amount.amount().scale());
        }
    }

    @Test
    void anIncomeReportWithEveryFigureRoundTrips() {
        IncomeReport report = richIncomeReport();

        assertThat(FinancePayloads.incomeReport(FinancePayloads.incomeReport(report))).isEqualTo(report);
    }

    @Test
    void anEmptyIncomeReportRoundTrips() {
        IncomeReport report = emptyIncomeReport();

        assertThat(FinancePayloads.incomeReport(FinancePayloads.incomeReport(report))).isEqualTo(report);
    }

    @Test
    void instantsKeepTheirNanoseconds() {
        Instant asOf = Instant.parse("1969-12-31T23:59:59.999999999Z");
        Account account = new Account("a", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(new Balance(LARGE_DEBIT, Optional.of(asOf), Optional.empty(), Optional.empty())));

        assertThat(FinancePayloads.account("a", FinancePayloads.account(account)).balance().orElseThrow().asOf()).contains(asOf);
    }

    @Test
    void everyPayloadStartsWithItsFormatVersion() {
        byte[] payload = Base64.getDecoder().decode(FinancePayloads.transaction(richTransaction("giro", "t", DAY)));

        assertThat(payload[0]).isEqualTo((byte) FinancePayloads.VERSION);
    }

    @Test
    void aPayloadOfAnotherVersionIsRefused() {
        byte[] payload = Base64.getDecoder().decode(FinancePayloads.account(plainAccount("a")));
        payload[0] = 2;

        assertThatThrownBy(() -> FinancePayloads.account("a", Base64.getEncoder().encodeToString(payload)))
                .isInstanceOf(UnreadablePayload.class)
                .hasMessageContaining("format version 2");
    }

    @Test
    void aPayloadCutShortOrWithTrailingBytesIsRefused() {
        byte[] payload = Base64.getDecoder().decode(FinancePayloads.transaction(richTransaction("giro", "t", DAY)));
        String cut = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(payload, payload.length - 1));
        String longer = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(payload, payload.length + 1));

        assertThatThrownBy(() -> FinancePayloads.transaction("giro", "t", cut)).isInstanceOf(UnreadablePayload.class);
        assertThatThrownBy(() -> FinancePayloads.transaction("giro", "t", longer)).isInstanceOf(UnreadablePayload.class)
                .hasMessageContaining("beyond its last value");
    }

    @Test
    void aPayloadOfAnotherRecordIsRefusedNotMisread() {
        String accountPayload = FinancePayloads.account(richAccount("a"));

        assertThatThrownBy(() -> FinancePayloads.incomeReport(accountPayload)).isInstanceOf(UnreadablePayload.class);
    }
}
