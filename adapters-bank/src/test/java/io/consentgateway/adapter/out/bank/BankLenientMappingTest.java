package io.consentgateway.adapter.out.bank;

import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.TransactionFilter;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.token.IssuedTokens;
import io.consentgateway.domain.token.RefreshToken;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The bank's answers are read leniently: what is missing or odd is empty, never a failure of the whole call. */
class BankLenientMappingTest extends BankWireMockTest {

    private List<Transaction> transactionsOf(String... items) {
        stage.stubAccounts(TOKEN.reveal(), List.of(BankStage.accountJson(BankStage.IBAN, "CZK")));
        bank.stubFor(post(urlPathEqualTo(BankStage.TRANSACTIONS_PATH)).willReturn(BankStage.json(200,
                "{\"transactions\":[" + String.join(",", items) + "],\"page\":1,\"totalPages\":1,\"somethingNew\":{}}")));
        return adapter.transactions(TOKEN, TransactionFilter.all());
    }

    @Test
    void aMinimalTransactionHasItsIdAmountAndTheAccountsCurrency() {
        List<Transaction> read = transactionsOf("{\"transactionId\":\"T1\",\"transactionAmount\":{\"amount\":\"12.30\"}}");

        assertThat(read).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo("T1");
            assertThat(t.accountId()).isEqualTo(BankStage.IBAN);
            assertThat(t.amount().amount()).isEqualByComparingTo("12.30");
            assertThat(t.amount().currency().getCurrencyCode()).isEqualTo("CZK");
            assertThat(t.booked()).as("no status and no booking date: pending").isFalse();
            assertThat(t.bookingDate()).isEmpty();
            assertThat(t.counterpartyName()).isEmpty();
            assertThat(t.counterpartyIban()).isEmpty();
            assertThat(t.purpose()).isEmpty();
            assertThat(t.categories()).isEmpty();
        });
    }

    @Test
    void aFullTransactionIsReadFieldByField() {
        String item = Json.createObjectBuilder(BankStage.transactionJson("T9", "DBIT", "1893.12", LocalDate.parse("2026-01-25")))
                .add("mandateId", "M-1").add("creditorId", "SK00ZZZ").add("unknownField", Json.createArrayBuilder().add(1))
                .build().toString();

        List<Transaction> read = transactionsOf(item);

        assertThat(read).singleElement().satisfies(t -> {
            assertThat(t.amount().amount()).isEqualByComparingTo("-1893.12");
            assertThat(t.amount().currency().getCurrencyCode()).isEqualTo("EUR");
            assertThat(t.booked()).isTrue();
            assertThat(t.bookingDate()).contains(LocalDate.parse("2026-01-25"));
            assertThat(t.valueDate()).contains(LocalDate.parse("2026-01-25"));
            assertThat(t.counterpartyName()).contains("Vzorová Firma s.r.o.");
            assertThat(t.counterpartyIban()).contains(BankStage.OTHER_IBAN);
            assertThat(t.purpose()).contains("Invoice T9");
            assertThat(t.bookingText()).contains("Mzda");
            assertThat(t.endToEndReference()).contains("E2E-T9");
            assertThat(t.mandateReference()).contains("M-1");
            assertThat(t.creditorId()).contains("SK00ZZZ");
        });
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "DBIT, '\"12.30\"',  -12.30",
            "DBIT, '\"-12.30\"', -12.30",
            "dbit, '12.3',       -12.3",
            "CRDT, '\"-5\"',     5",
            "CRDT, '5',          5",
            "'',   '\"-7.10\"',  -7.10",
            "'',   '\"7,10\"',   7.10",
    })
    void theSignFollowsTheCreditDebitIndicatorAndAmountsMayBeStringsOrNumbers(String indicator, String amount,
                                                                             BigDecimal expected) {
        String item = "{\"transactionId\":\"T1\",\"transactionAmount\":{\"amount\":" + amount + ",\"currency\":\"EUR\"}"
                + (indicator.isEmpty() ? "" : ",\"creditDebitIndicator\":\"" + indicator + "\"") + "}";

        assertThat(transactionsOf(item)).singleElement()
                .satisfies(t -> assertThat(t.amount().amount()).isEqualByComparingTo(expected));
    }

    @Test
    void itemsLackingAnIdOrAnAmountOrNotObjectsAreLeftOutAndTheRestIsKept() {
        List<Transaction> read = transactionsOf(
                "{\"transactionAmount\":{\"amount\":\"1\"}}",
                "{\"transactionId\":\"T2\"}",
                "{\"transactionId\":\"T3\",\"transactionAmount\":{\"amount\":\"abc\"}}",
                "42",
                "{\"transactionId\":\"T4\",\"transactionAmount\":{\"amount\":\"4\",\"currency\":\"NOPE\"},"
                        + "\"bookingDate\":\"not a date\",\"status\":\"INFO\",\"counterpartyAccount\":\"odd\"}");

        assertThat(read).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo("T4");
            assertThat(t.amount().currency().getCurrencyCode()).as("an unknown currency: the account's").isEqualTo("CZK");
            assertThat(t.bookingDate()).isEmpty();
            assertThat(t.booked()).isFalse();
            assertThat(t.counterpartyIban()).isEmpty();
        });
    }

    @Test
    void aListThatIsNotAListIsUnavailable() {
        stage.stubAccounts(TOKEN.reveal(), List.of(BankStage.accountJson(BankStage.IBAN, "EUR")));
        bank.stubFor(post(urlPathEqualTo(BankStage.TRANSACTIONS_PATH))
                .willReturn(BankStage.json(200, "{\"transactions\":{\"a\":1}}")));

        assertThat(catchThrowable(() -> adapter.transactions(TOKEN, TransactionFilter.all())))
                .isInstanceOf(ProviderUnavailable.class);
    }

    @Test
    void anAccountWithoutIbanIsLeftOutAndOneWithOnlyAnIbanIsListed() {
        bank.stubFor(get(urlPathEqualTo(BankStage.ACCOUNTS_PATH)).willReturn(BankStage.json(200,
                "{\"accounts\":[{\"name\":\"no iban\"},{\"iban\":\"" + BankStage.IBAN + "\"}]}")));
        bank.stubFor(post(urlPathEqualTo(BankStage.INFORMATION_PATH)).willReturn(BankStage.json(200, "{}")));

        List<Account> accounts = adapter.accounts(TOKEN);

        assertThat(accounts).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(BankStage.IBAN);
            assertThat(a.currency()).isEmpty();
            assertThat(a.name()).isEmpty();
            assertThat(a.balance()).isEmpty();
        });
    }

    @Test
    void anAccountWhoseIbanFailsItsCheckKeepsItAsIdButHasNoIban() {
        bank.stubFor(get(urlPathEqualTo(BankStage.ACCOUNTS_PATH)).willReturn(BankStage.json(200,
                "{\"accounts\":[{\"iban\":\"SK0012000000198742637541\"}]}")));
        bank.stubFor(post(urlPathEqualTo(BankStage.INFORMATION_PATH)).willReturn(BankStage.json(200, "{}")));

        assertThat(adapter.accounts(TOKEN)).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("SK0012000000198742637541");
            assertThat(a.iban()).isEmpty();
        });
    }

    @Test
    void theBalanceFallsBackToInterimAvailableThenToTheFirstReadable() {
        bank.stubFor(get(urlPathEqualTo(BankStage.ACCOUNTS_PATH)).willReturn(BankStage.json(200,
                "{\"accounts\":[" + BankStage.accountJson(BankStage.IBAN, "EUR") + ","
                        + BankStage.accountJson(BankStage.OTHER_IBAN, "EUR") + "]}")));
        stage.stubInformation(TOKEN.reveal(), BankStage.IBAN, BankStage.parse("{\"balances\":["
                + "{\"balanceType\":\"expected\",\"balanceAmount\":{\"amount\":\"1\",\"currency\":\"EUR\"}},"
                + "{\"balanceType\":\"closingBooked\",\"balanceAmount\":{\"amount\":\"oops\"}},"
                + "{\"balanceType\":\"interimAvailable\",\"balanceAmount\":{\"amount\":\"2\",\"currency\":\"EUR\"}}]}"));
        stage.stubInformation(TOKEN.reveal(), BankStage.OTHER_IBAN, BankStage.parse("{\"balances\":["
                + "\"odd\",{\"balanceType\":\"expected\",\"balanceAmount\":{\"amount\":3}}]}"));

        List<Account> accounts = adapter.accounts(TOKEN);

        assertThat(BankStage.account(accounts, BankStage.IBAN).balance()).hasValueSatisfying(b -> assertThat(b.amount().amount()).isEqualByComparingTo("2"));
        assertThat(BankStage.account(accounts, BankStage.OTHER_IBAN).balance()).hasValueSatisfying(b -> {
            assertThat(b.amount().amount()).isEqualByComparingTo("3");
            assertThat(b.amount().currency().getCurrencyCode()).isEqualTo("EUR");
            assertThat(b.asOf()).isEmpty();
        });
    }

    @ParameterizedTest(name = "refresh_token_expires_in {0}")
    @CsvSource(delimiter = '|', value = {"'\"soon\"'", "-5", "null", "'{}'"})
    void anUnreadableConsentEndIsIgnored(String value) {
        bank.stubFor(post(urlPathEqualTo(BankStage.TOKEN_PATH)).willReturn(BankStage.json(200,
                "{\"access_token\":\"a\",\"refresh_token\":\"r\",\"expires_in\":\"3600\",\"refresh_token_expires_in\":"
                        + value + "}")));

        IssuedTokens issued = adapter.refresh(new RefreshToken("rt"));

        assertThat(issued.consentExpiresIn()).isEmpty();
        assertThat(issued.expiresIn()).as("a numeric string is read").contains(Duration.ofHours(1));
    }

    @Test
    void aTokenAnswerWithOddOptionalFieldsStillYieldsTheTokens() {
        bank.stubFor(post(urlPathEqualTo(BankStage.TOKEN_PATH)).willReturn(BankStage.json(200,
                "{\"access_token\":\"a\",\"token_type\":7,\"expires_in\":0,\"scope\":[\"AISP\"],"
                        + "\"refresh_token_expires_in\":\"600\",\"id_token\":\"ignored\"}")));

        IssuedTokens issued = adapter.refresh(new RefreshToken("rt"));

        assertThat(issued.accessToken().reveal()).isEqualTo("a");
        assertThat(issued.refreshToken()).isEmpty();
        assertThat(issued.expiresIn()).isEmpty();
        assertThat(issued.scope()).isEmpty();
        assertThat(issued.consentExpiresIn()).contains(Duration.ofMinutes(10));
    }

    @Test
    void anAbsurdConsentEndIsClamped() {
        bank.stubFor(post(urlPathEqualTo(BankStage.TOKEN_PATH)).willReturn(BankStage.json(200,
                "{\"access_token\":\"a\",\"refresh_token_expires_in\":1e30}")));

        assertThat(adapter.refresh(new RefreshToken("rt")).consentExpiresIn()).contains(Duration.ofDays(3_650));
    }
}
