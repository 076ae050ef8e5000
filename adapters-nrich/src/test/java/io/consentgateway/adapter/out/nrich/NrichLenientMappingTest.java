package io.consentgateway.adapter.out.nrich;

import io.consentgateway.application.port.out.TransactionFilter;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.Money;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.token.IssuedTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lenient mapping beyond amounts: a field of an unexpected JSON type is empty, an item that cannot be read at all is
 * left out (counted, logged without data values); neither fails the page or the call.
 */
class NrichLenientMappingTest extends NrichWireMockTest {

    private static final io.consentgateway.domain.token.AccessToken TOKEN =
            new io.consentgateway.domain.token.AccessToken("access-token-123");
    private static final Logger MAPPING_LOG = Logger.getLogger("io.consentgateway.adapter.out.nrich.mapping.NrichMapping");

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previousLevel;

    @BeforeEach
    void captureMappingLog() {
        previousLevel = MAPPING_LOG.getLevel();
        MAPPING_LOG.setLevel(Level.ALL);
        MAPPING_LOG.addHandler(capture);
    }

    @AfterEach
    void releaseMappingLog() {
        MAPPING_LOG.removeHandler(capture);
        MAPPING_LOG.setLevel(previousLevel);
    }

    @Test
    void transactionFieldsOfAnUnexpectedTypeAreEmptyAndTheRestOfThePageIsKept() {
        nrich.stubFor(get(urlPathEqualTo("/rest/transactions")).willReturn(jsonResponse(200, """
                {"transactions":[
                  {"transaction_id":"T1","account_id":"A1","amount":-1,"currency":"EUR",
                   "purpose":["secret-purpose-line-1","secret-purpose-line-2"],"name":{"first":"Erika"},
                   "booking_date":20261102,"value_date":true,"iban":["x"],"booking_text":{},"type":[],
                   "end_to_end_reference":false,"mandate_reference":{"a":1},"creditor_id":[1],"bic":{}},
                  {"transaction_id":"T2","account_id":"A1","amount":"2.50","currency":"EUR","purpose":"Invoice 1"}]}""")));

        List<Transaction> transactions = adapter.transactions(TOKEN, TransactionFilter.all());

        assertThat(transactions).extracting(Transaction::id).containsExactly("T1", "T2");
        Transaction odd = transactions.get(0);
        assertThat(odd.amount()).isEqualTo(Money.of("-1", "EUR"));
        assertThat(odd.purpose()).isEmpty();
        assertThat(odd.counterpartyName()).isEmpty();
        assertThat(odd.bookingDate()).isEmpty();
        assertThat(odd.valueDate()).isEmpty();
        assertThat(odd.counterpartyIban()).isEmpty();
        assertThat(odd.counterpartyBic()).isEmpty();
        assertThat(odd.bookingText()).isEmpty();
        assertThat(odd.type()).isEmpty();
        assertThat(odd.endToEndReference()).isEmpty();
        assertThat(odd.mandateReference()).isEmpty();
        assertThat(odd.creditorId()).isEmpty();
        assertThat(transactions.get(1).purpose()).contains("Invoice 1");
        assertThat(logged).extracting(this::text)
                .anyMatch(m -> m.contains("unexpected JSON type") && m.contains("purpose") && m.contains("value_date"))
                .noneMatch(m -> m.contains("secret-purpose") || m.contains("Erika"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "true     | true", "false  | false",
            "1        | true", "0      | false",
            "'\"true\"' | true", "'\"FALSE\"' | false", "'\"1\"' | true", "'\"0\"' | false",
            "null     | true", "'\"maybe\"' | true", "'[]' | true", "'{}' | true", "2 | true"})
    void bookedIsReadSensiblyFromBooleansNumbersAndStrings(String json, boolean booked) {
        nrich.stubFor(get(urlPathEqualTo("/rest/transactions")).willReturn(jsonResponse(200,
                "{\"transactions\":[{\"transaction_id\":\"T1\",\"account_id\":\"A1\",\"amount\":1,\"currency\":\"EUR\","
                        + "\"booked\":" + json + "}]}")));

        assertThat(adapter.transactions(TOKEN, TransactionFilter.all())).singleElement()
                .satisfies(t -> assertThat(t.booked()).isEqualTo(booked));
    }

    @Test
    void transactionItemsThatAreNotObjectsAreLeftOutCountedAndLoggedWithoutTheirValues() {
        nrich.stubFor(get(urlPathEqualTo("/rest/transactions")).willReturn(jsonResponse(200, """
                {"transactions":[
                  "secret-item", 42, null, ["secret-nested"],
                  {"transaction_id":"T1","account_id":"A1","amount":1,"currency":"EUR"}]}""")));

        List<Transaction> transactions = adapter.transactions(TOKEN, TransactionFilter.all());

        assertThat(transactions).extracting(Transaction::id).containsExactly("T1");
        assertThat(logged).extracting(this::text)
                .anyMatch(m -> m.contains("4") && m.contains("transaction"))
                .noneMatch(m -> m.contains("secret-item") || m.contains("secret-nested"));
    }

    @Test
    void leftOutItemsStillCountForTheOffsetOfTheNextPage() {
        NrichConsentProvider paged = adapter(settings().pageSize(2).maxPages(100).build());
        nrich.stubFor(get(urlPathEqualTo("/rest/transactions")).withQueryParam("offset", equalTo("0"))
                .willReturn(jsonResponse(200, """
                        {"transactions":["junk",{"transaction_id":"T1","account_id":"A1","amount":1,"currency":"EUR"}]}""")));
        nrich.stubFor(get(urlPathEqualTo("/rest/transactions")).withQueryParam("offset", equalTo("2"))
                .willReturn(jsonResponse(200, """
                        {"transactions":[{"transaction_id":"T2","account_id":"A1","amount":2,"currency":"EUR"}]}""")));

        assertThat(paged.transactions(TOKEN, TransactionFilter.all())).extracting(Transaction::id).containsExactly("T1", "T2");
        assertThat(requests()).hasSize(2);
    }

    @Test
    void accountFieldsOfAnUnexpectedTypeAreEmptyAndTheAccountIsKept() {
        nrich.stubFor(get("/rest/accounts").willReturn(jsonResponse(200, """
                {"accounts":[
                  {"account_id":"A1","balance":12.5,"currency":"EUR","name":["Giro"],"owner":{"n":"secret-owner"},
                   "iban":123,"bank_name":true},
                  {"account_id":"A2","currency":"EUR","balance":{"balance":"7.10","balance_date":20261120,
                   "credit_line":{"x":1},"monthly_spending_limit":[1]}},
                  {"account_id":"A3","currency":["EUR"],"type":"Giro account"}]}""")));

        List<Account> accounts = adapter.accounts(TOKEN);

        assertThat(accounts).extracting(Account::id).containsExactly("A1", "A2", "A3");
        Account first = account(accounts, "A1");
        assertThat(first.balance()).isEmpty();
        assertThat(first.name()).isEmpty();
        assertThat(first.owner()).isEmpty();
        assertThat(first.iban()).isEmpty();
        assertThat(first.bankName()).isEmpty();
        assertThat(first.currency()).isPresent();
        assertThat(account(accounts, "A2").balance()).hasValueSatisfying(b -> {
            assertThat(b.amount()).isEqualTo(Money.of("7.10", "EUR"));
            assertThat(b.asOf()).isEmpty();
            assertThat(b.creditLine()).isEmpty();
            assertThat(b.monthlySpendingLimit()).isEmpty();
        });
        assertThat(account(accounts, "A3").currency()).isEmpty();
        assertThat(account(accounts, "A3").type()).contains("Giro account");
        assertThat(logged).extracting(this::text).noneMatch(m -> m.contains("secret-owner"));
    }

    @Test
    void accountItemsThatAreNotObjectsAreLeftOut() {
        nrich.stubFor(get("/rest/accounts").willReturn(jsonResponse(200,
                "{\"accounts\":[\"secret-account\",7,{\"account_id\":\"A1\"},[]]}")));

        assertThat(adapter.accounts(TOKEN)).extracting(Account::id).containsExactly("A1");
        assertThat(logged).extracting(this::text).noneMatch(m -> m.contains("secret-account"));
    }

    @Test
    void accountIdSentAsANumberIsReadAsText() {
        nrich.stubFor(get("/rest/accounts").willReturn(jsonResponse(200, "{\"accounts\":[{\"account_id\":4711}]}")));

        assertThat(adapter.accounts(TOKEN)).extracting(Account::id).containsExactly("4711");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-5                         | ",
            "0                          | ",
            "0.4                        | ",
            "'\"-1\"'                   | ",
            "3600                       | PT1H",
            "1e30                       | P365D",
            "'\"99999999999999999999999\"' | P365D",
            "9223372036854775807        | P365D",
            "31536000                   | P365D",
            "31536001                   | P365D",
            "'\"soon\"'                 | ",
            "'[3600]'                   | "})
    void absurdExpiresInIsClampedNeverThrown(String json, String expected) {
        nrich.stubFor(post("/auth/token").willReturn(jsonResponse(200,
                "{\"access_token\":\"a\",\"refresh_token\":\"r\",\"expires_in\":" + json + "}")));

        IssuedTokens tokens = adapter.refresh(new io.consentgateway.domain.token.RefreshToken("old"));

        assertThat(tokens.refreshToken()).isPresent();
        assertThat(tokens.expiresIn()).isEqualTo(Optional.ofNullable(expected).map(Duration::parse));
    }

    @Test
    void tokenAnswerWithOddlyTypedOptionalFieldsStillDeliversTheRotatedTokens() {
        nrich.stubFor(post("/auth/token").willReturn(jsonResponse(200,
                "{\"access_token\":\"new-access\",\"refresh_token\":\"new-refresh\",\"token_type\":{\"t\":1},"
                        + "\"scope\":[\"accounts\",\"transactions\"],\"expires_in\":3600}")));

        IssuedTokens tokens = adapter.refresh(new io.consentgateway.domain.token.RefreshToken("old"));

        assertThat(tokens.accessToken().reveal()).isEqualTo("new-access");
        assertThat(tokens.refreshToken()).hasValueSatisfying(r -> assertThat(r.reveal()).isEqualTo("new-refresh"));
        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(tokens.scope()).isEmpty();
        assertThat(tokens.expiresIn()).contains(Duration.ofHours(1));
    }

    private String text(LogRecord record) {
        String message = record.getMessage() == null ? "" : record.getMessage();
        Object[] parameters = record.getParameters();
        if (parameters != null) {
            message = java.text.MessageFormat.format(message, parameters);
        }
        return message;
    }
}
