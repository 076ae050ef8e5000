package io.consentgateway.adapter.out.nrich;

import io.consentgateway.adapter.kit.PagingLimitExceeded;
import io.consentgateway.application.port.out.ProviderRejected;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import io.consentgateway.application.port.out.TransactionFilter;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.finance.Money;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.shared.Iban;
import io.consentgateway.domain.token.AccessToken;
import io.consentgateway.application.port.out.ProviderUnavailable;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The data API with a Bearer token: accounts, transactions (paged), the income report. */
class NrichDataWireFormatTest extends NrichWireMockTest {

    private static final AccessToken TOKEN = new AccessToken("access-token-123");

    @Test
    void accountsAreReadWithTheBearerTokenAndMappedToTheDomain() {
        nrich.stubFor(get("/rest/accounts").willReturn(jsonResponse(200, fixture("fixtures/accounts.json"))));

        List<Account> accounts = adapter.accounts(TOKEN);

        nrich.verify(1, getRequestedFor(urlEqualTo("/rest/accounts"))
                .withHeader("Authorization", equalTo("Bearer access-token-123"))
                .withHeader("Accept", equalTo("application/json")));
        assertThat(accounts).extracting(Account::id).containsExactly("A1.1", "A1.2", "A1.3");
        Account giro = account(accounts, "A1.1");
        assertThat(giro.iban()).contains(Iban.parse("DE89370400440532013000"));
        assertThat(giro.accountNumber()).contains("0532013000");
        assertThat(giro.bankCode()).contains("37040044");
        assertThat(giro.bic()).contains("COBADEFFXXX");
        assertThat(giro.name()).contains("Girokonto");
        assertThat(giro.owner()).contains("Erika Mustermann");
        assertThat(giro.bankName()).contains("Commerzbank");
        assertThat(giro.currency()).contains(Currency.getInstance("EUR"));
        assertThat(giro.type()).contains("Giro account");
        assertThat(giro.balance()).hasValueSatisfying(b -> {
            assertThat(b.amount()).isEqualTo(Money.of("1523.47", "EUR"));
            assertThat(b.asOf()).contains(Instant.parse("2026-11-20T08:15:00Z"));
            assertThat(b.creditLine()).contains(Money.of("1000.00", "EUR"));
            assertThat(b.monthlySpendingLimit()).hasValueSatisfying(m -> assertThat(m.amount()).isZero());
        });
    }

    @Test
    void accountWithAnIbanFailingTheCheckKeepsTheAccountWithoutIban() {
        nrich.stubFor(get("/rest/accounts").willReturn(jsonResponse(200, fixture("fixtures/accounts.json"))));

        Account savings = adapter.accounts(TOKEN).get(1);

        assertThat(savings.iban()).isEmpty();
        assertThat(savings.currency()).contains(Currency.getInstance("CHF"));
        assertThat(savings.balance()).hasValueSatisfying(b -> {
            assertThat(b.amount()).isEqualTo(Money.of("250.10", "CHF")); // amount sent as a string
            assertThat(b.asOf()).contains(Instant.parse("2026-11-19T00:00:00Z"));
            assertThat(b.creditLine()).isEmpty();
        });
    }

    @Test
    void accountMissingOptionalFieldsHasThemEmpty() {
        nrich.stubFor(get("/rest/accounts").willReturn(jsonResponse(200, fixture("fixtures/accounts.json"))));

        Account card = adapter.accounts(TOKEN).get(2);

        assertThat(card.iban()).isEmpty();
        assertThat(card.currency()).isEmpty();
        assertThat(card.balance()).isEmpty();
        assertThat(card.bankName()).isEmpty();
    }

    @Test
    void accountWithoutAnIdIsLeftOutAndAnswerWithoutTheListIsEmpty() {
        nrich.stubFor(get("/rest/accounts").willReturn(jsonResponse(200,
                "{\"accounts\":[{\"name\":\"no id\"},{\"account_id\":\"A9\"}]}")));

        assertThat(adapter.accounts(TOKEN)).extracting(Account::id).containsExactly("A9");

        nrich.stubFor(get("/rest/accounts").willReturn(jsonResponse(200, "{}")));
        assertThat(adapter.accounts(TOKEN)).isEmpty();
    }

    @Test
    void transactionFieldsAreMappedLenientlyBookingDateOrBookedAtAndStringAmounts() {
        nrich.stubFor(get(urlPathEqualTo("/rest/transactions")).willReturn(jsonResponse(200, fixture("fixtures/transaction-full.json"))));

        List<Transaction> transactions = adapter.transactions(TOKEN, TransactionFilter.all());

        assertThat(transactions).hasSize(2);
        Transaction debit = transactions.get(0);
        assertThat(debit.id()).isEqualTo("T1");
        assertThat(debit.accountId()).isEqualTo("A1.1");
        assertThat(debit.amount()).isEqualTo(Money.of("-42.5", "EUR"));
        assertThat(debit.bookingDate()).contains(LocalDate.of(2026, 11, 2));
        assertThat(debit.valueDate()).contains(LocalDate.of(2026, 11, 3));
        assertThat(debit.booked()).isTrue();
        assertThat(debit.counterpartyName()).contains("ACME GmbH");
        assertThat(debit.counterpartyIban()).contains("DE02120300000000202051");
        assertThat(debit.counterpartyBic()).contains("BYLADEM1001");
        assertThat(debit.purpose()).contains("Invoice 4711");
        assertThat(debit.bookingText()).contains("SEPA-Lastschrift");
        assertThat(debit.type()).contains("Direct debit");
        assertThat(debit.categories()).containsExactly("Shopping", "Online");
        assertThat(debit.endToEndReference()).contains("E2E-4711");
        assertThat(debit.mandateReference()).contains("M-0815");
        assertThat(debit.creditorId()).contains("DE98ZZZ09999999999");

        Transaction pending = transactions.get(1);
        assertThat(pending.amount()).isEqualTo(Money.of("1999.99", "EUR"));
        assertThat(pending.bookingDate()).contains(LocalDate.of(2026, 11, 1));
        assertThat(pending.booked()).isFalse();
        assertThat(pending.counterpartyName()).isEmpty();
        assertThat(pending.categories()).isEmpty();
    }

    @Test
    void transactionFiltersAreSentAsCommaSeparatedAccountsAndIsoDays() {
        nrich.stubFor(get(urlPathEqualTo("/rest/transactions")).willReturn(jsonResponse(200, "{\"transactions\":[]}")));

        adapter.transactions(TOKEN, new TransactionFilter(List.of("A1.1", "A1.2"),
                Optional.of(LocalDate.of(2026, 1, 1)), Optional.of(LocalDate.of(2026, 3, 31))));

        nrich.verify(1, getRequestedFor(urlPathEqualTo("/rest/transactions"))
                .withHeader("Authorization", equalTo("Bearer access-token-123"))
                .withQueryParam("accounts", equalTo("A1.1,A1.2"))
                .withQueryParam("since", equalTo("2026-01-01"))
                .withQueryParam("until", equalTo("2026-03-31"))
                .withQueryParam("count", equalTo("1000"))
                .withQueryParam("offset", equalTo("0")));
    }

    @Test
    void noFilterSendsNoAccountsNorDates() {
        nrich.stubFor(get(urlPathEqualTo("/rest/transactions")).willReturn(jsonResponse(200, "{\"transactions\":[]}")));

        adapter.transactions(TOKEN, TransactionFilter.all());

        nrich.verify(getRequestedFor(urlPathEqualTo("/rest/transactions"))
                .withQueryParam("accounts", absent()).withQueryParam("since", absent()).withQueryParam("until", absent()));
    }

    @Test
    void pagingWalksFullPagesAndStopsOnTheFirstShortPage() {
        NrichConsentProvider paged = adapter(settings().pageSize(3).maxPages(100).build());
        stubPage(0, page(0, 3));
        stubPage(3, page(3, 3));
        stubPage(6, page(6, 2));

        List<Transaction> all = paged.transactions(TOKEN, TransactionFilter.all());

        assertThat(all).extracting(Transaction::id).containsExactly("T0", "T1", "T2", "T3", "T4", "T5", "T6", "T7");
        assertThat(requests()).hasSize(3);
        nrich.verify(3, getRequestedFor(urlPathEqualTo("/rest/transactions")).withQueryParam("count", equalTo("3")));
    }

    @Test
    void pagingStopsOnAnEmptyPageAndNeverLoopsOnIt() {
        NrichConsentProvider paged = adapter(settings().pageSize(2).maxPages(100).build());
        stubPage(0, page(0, 2));
        stubPage(2, page(2, 2));
        stubPage(4, "{\"transactions\":[]}");

        List<Transaction> all = paged.transactions(TOKEN, TransactionFilter.all());

        assertThat(all).hasSize(4);
        assertThat(requests()).hasSize(3);
    }

    @Test
    void aPageNrichFailsToServeIsFetchedAgainAloneNeverTheWalkFromPageOne() {
        NrichConsentProvider paged = adapter(settings().pageSize(2).maxPages(100).build());
        stubPage(0, page(0, 2));
        nrich.stubFor(get(urlPathEqualTo("/rest/transactions")).withQueryParam("offset", equalTo("2"))
                .inScenario("flaky").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        nrich.stubFor(get(urlPathEqualTo("/rest/transactions")).withQueryParam("offset", equalTo("2"))
                .inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(jsonResponse(200, page(2, 1))));

        List<Transaction> all = paged.transactions(TOKEN, TransactionFilter.all());

        assertThat(all).hasSize(3);
        assertThat(requests()).extracting(r -> r.queryParameter("offset").firstValue())
                .containsExactly("0", "2", "2");
    }

    @Test
    void aWalkPastItsDeadlineFailsAsUnavailableNamingTheDeadline() {
        NrichConsentProvider slow = new NrichConsentProvider(settings().pageSize(2).maxPages(1000)
                .readDeadline(Duration.ofMillis(600)).build(), java.time.Clock.systemUTC());
        try {
            nrich.stubFor(get(urlPathEqualTo("/rest/transactions"))
                    .willReturn(jsonResponse(200, page(0, 2)).withFixedDelay(150))); // never ends, slowly

            assertThatThrownBy(() -> slow.transactions(TOKEN, TransactionFilter.all()))
                    .isInstanceOf(ProviderUnavailable.class).hasMessageContaining("PT0.6S");
            assertThat(requests().size()).isBetween(3, 6);
        } finally {
            slow.close();
        }
    }

    @Test
    void pagingGivesUpAtTheHardPageCapWhenPagesNeverEnd() {
        NrichConsentProvider paged = adapter(settings().pageSize(2).maxPages(5).build());
        nrich.stubFor(get(urlPathEqualTo("/rest/transactions")).willReturn(jsonResponse(200, page(0, 2)))); // offset ignored

        assertThatThrownBy(() -> paged.transactions(TOKEN, TransactionFilter.all()))
                .isExactlyInstanceOf(PagingLimitExceeded.class).hasMessageContaining("5 pages");
        assertThat(requests()).hasSize(5);
    }

    @Test
    void pagingGivesUpOnceMoreThanTheTotalItemCapArrived() {
        NrichConsentProvider capped = adapter(settings().pageSize(2).maxPages(100).maxTransactions(5).build());
        nrich.stubFor(get(urlPathEqualTo("/rest/transactions")).willReturn(jsonResponse(200, page(0, 2)))); // never ends

        assertThatThrownBy(() -> capped.transactions(TOKEN, TransactionFilter.all()))
                .isExactlyInstanceOf(PagingLimitExceeded.class).hasMessageContaining("5 items")
                .hasMessageContaining("cg.nrich.max-transactions");
        assertThat(requests()).hasSize(3); // 2 + 2 + 2 = 6 > 5: no fourth page is asked for
    }

    @Test
    void exactlyTheTotalItemCapIsStillDelivered() {
        NrichConsentProvider capped = adapter(settings().pageSize(3).maxPages(100).maxTransactions(5).build());
        stubPage(0, page(0, 3));
        stubPage(3, page(3, 2));

        assertThat(capped.transactions(TOKEN, TransactionFilter.all())).hasSize(5);
    }

    @Test
    void transactionSeenTwiceAcrossPagesIsKeptOnce() {
        NrichConsentProvider paged = adapter(settings().pageSize(2).maxPages(100).build());
        stubPage(0, page(0, 2));
        stubPage(2, page(1, 1)); // T1 again: the data moved between the pages

        assertThat(paged.transactions(TOKEN, TransactionFilter.all())).extracting(Transaction::id).containsExactly("T0", "T1");
    }

    @Test
    void transactionWithoutCurrencyTakesItsAccountsCurrencyElseEuro() {
        nrich.stubFor(get(urlPathEqualTo("/rest/transactions")).willReturn(jsonResponse(200, """
                {"transactions":[
                  {"transaction_id":"T1","account_id":"A1.2","amount":-5},
                  {"transaction_id":"T2","account_id":"A1.3","amount":7.25},
                  {"transaction_id":"T3","account_id":"A1.1","amount":1,"currency":"usd"}]}""")));
        nrich.stubFor(get("/rest/accounts").willReturn(jsonResponse(200, fixture("fixtures/accounts.json"))));

        List<Transaction> transactions = adapter.transactions(TOKEN, TransactionFilter.all());

        assertThat(transactions).extracting(Transaction::amount)
                .containsExactly(Money.of("-5", "CHF"), Money.of("7.25", "EUR"), Money.of("1", "USD"));
        nrich.verify(1, getRequestedFor(urlEqualTo("/rest/accounts")));
    }

    @Test
    void transactionsWithTheirCurrencyNeedNoAccountsCall() {
        nrich.stubFor(get(urlPathEqualTo("/rest/transactions")).willReturn(jsonResponse(200, fixture("fixtures/transaction-full.json"))));

        adapter.transactions(TOKEN, TransactionFilter.all());

        nrich.verify(0, getRequestedFor(urlEqualTo("/rest/accounts")));
    }

    @Test
    void transactionWithoutIdOrAmountIsLeftOutAndOneAskedAccountIsAssumed() {
        nrich.stubFor(get(urlPathEqualTo("/rest/transactions")).willReturn(jsonResponse(200, """
                {"transactions":[
                  {"account_id":"A1","amount":1,"currency":"EUR"},
                  {"transaction_id":"T2","amount":"n/a","currency":"EUR"},
                  {"transaction_id":"T3","amount":"3.10","currency":"EUR"}]}""")));

        List<Transaction> transactions = adapter.transactions(TOKEN, new TransactionFilter(List.of("A1"), Optional.empty(), Optional.empty()));

        assertThat(transactions).extracting(Transaction::id).containsExactly("T3");
        assertThat(transactions.get(0).accountId()).isEqualTo("A1");
    }

    @Test
    void incomeReportIsReadByFlowIdAndMappedSectionBySection() {
        nrich.stubFor(get("/rest/income-reports/3ca31c37-986a-454e-ad64-8e97143c86bc")
                .willReturn(jsonResponse(200, fixture("fixtures/income-report.json"))));

        IncomeReport report = adapter.incomeReport(TOKEN, "3ca31c37-986a-454e-ad64-8e97143c86bc");

        nrich.verify(getRequestedFor(urlEqualTo("/rest/income-reports/3ca31c37-986a-454e-ad64-8e97143c86bc"))
                .withHeader("Authorization", equalTo("Bearer access-token-123")));
        assertThat(report.periodFrom()).contains(LocalDate.of(2025, 12, 1));
        assertThat(report.periodTo()).contains(LocalDate.of(2026, 11, 30));
        assertThat(report.currency()).contains("EUR");
        assertThat(report.income().total()).contains(new BigDecimal("42000.00"));
        assertThat(report.income().count()).contains(12);
        assertThat(report.incomeStreams()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("ACME GmbH Gehalt");
            assertThat(s.counterpartyIban()).contains("DE02120300000000202051");
            assertThat(s.frequency()).contains("monthly");
            assertThat(s.average()).contains(new BigDecimal("3500.00"));
            assertThat(s.lastDate()).contains(LocalDate.of(2026, 11, 28));
        });
        assertThat(report.regularExpenses().total()).contains(new BigDecimal("14400.00")); // sent as a string
        assertThat(report.regularExpenseStreams()).extracting(IncomeReport.Stream::name).containsExactly("Miete");
        assertThat(report.variableExpenses().count()).contains(214);
        assertThat(report.disposableIncome().average()).contains(new BigDecimal("2300.00"));
        assertThat(report.disposableIncomeRatio()).contains(new BigDecimal("0.6571"));
        assertThat(report.discretionaryIncome().high()).contains(new BigDecimal("1800.00"));
        assertThat(report.discretionaryIncome().count()).isEmpty();
    }

    @Test
    void olderIncomeReportEndpointIsSelectableAndAsksForMonths() {
        NrichConsentProvider legacy = adapter(settings().incomeReportEndpoint(NrichSettings.IncomeReportEndpoint.LEGACY).legacyIncomeReportMonths(12).build());
        nrich.stubFor(get(urlPathEqualTo("/rest/income-report")).willReturn(jsonResponse(200, "{\"income\":{\"summary\":{\"total\":1}}}")));

        IncomeReport report = legacy.incomeReport(TOKEN, "ignored-flow-id");

        nrich.verify(1, getRequestedFor(urlPathEqualTo("/rest/income-report"))
                .withQueryParam("since", equalTo("2025-12"))
                .withQueryParam("until", equalTo("2026-11"))
                .withHeader("Authorization", equalTo("Bearer access-token-123")));
        assertThat(report.income().total()).contains(BigDecimal.ONE);
        assertThat(report.regularExpenses()).isEqualTo(IncomeReport.Figures.empty());
        assertThat(report.periodFrom()).isEmpty();
    }

    @Test
    void incomeReportWithoutFlowIdIsRejectedWithoutCallingNrich() {
        assertThatThrownBy(() -> adapter.incomeReport(TOKEN, " "))
                .isInstanceOfSatisfying(ProviderRejected.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("request"));
        assertThat(requests()).isEmpty();
    }

    @Test
    void unauthorizedOnADataCallMeansReauthorization() {
        nrich.stubFor(get("/rest/accounts").willReturn(jsonResponse(401,
                "{\"error\":{\"code\":401,\"group\":\"client\",\"description\":\"invalid token access-token-123\"}}")
                .withHeader("WWW-Authenticate", "Bearer realm=\"nrich\", error=\"invalid_token\"")));

        assertThatThrownBy(() -> adapter.accounts(TOKEN))
                .isExactlyInstanceOf(ReauthorizationRequired.class)
                .hasMessageNotContaining("access-token-123");
    }

    @Test
    void unknownFlowIdForTheIncomeReportIsProviderRejected() {
        nrich.stubFor(get(urlPathEqualTo("/rest/income-reports/nope")).willReturn(jsonResponse(404,
                "{\"error\":{\"code\":1404,\"group\":\"client\",\"description\":\"Unknown flow\"}}")));

        assertThatThrownBy(() -> adapter.incomeReport(TOKEN, "nope"))
                .isExactlyInstanceOf(ProviderRejected.class).hasMessageContaining("404");
    }

    @Test
    void oneAdapterServesConcurrentCallsOverItsSingleClient() throws Exception {
        nrich.stubFor(get("/rest/accounts").willReturn(jsonResponse(200, fixture("fixtures/accounts.json")).withFixedDelay(100)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<Account>>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> adapter.accounts(TOKEN));
            }
            for (Future<List<Account>> result : pool.invokeAll(calls)) {
                assertThat(result.get()).hasSize(3);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(requests()).hasSize(16);
    }

    private static void stubPage(int offset, String body) {
        nrich.stubFor(get(urlPathEqualTo("/rest/transactions")).withQueryParam("offset", equalTo(String.valueOf(offset)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static String page(int first, int size) {
        StringBuilder json = new StringBuilder("{\"transactions\":[");
        for (int i = first; i < first + size; i++) {
            json.append(i > first ? "," : "")
                    .append("{\"transaction_id\":\"T").append(i).append("\",\"account_id\":\"A1\",\"amount\":")
                    .append(i).append(".5,\"currency\":\"EUR\",\"booking_date\":\"2026-11-0").append(1 + i % 9).append("\"}");
        }
        return json.append("]}").toString();
    }
}
