package io.consentgateway.adapter.out.bank;

import io.consentgateway.adapter.kit.PagingLimitExceeded;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.consentgateway.application.port.out.CodeExchange;
import io.consentgateway.application.port.out.ProviderFlow;
import io.consentgateway.application.port.out.ProviderRejected;
import io.consentgateway.application.port.out.TransactionFilter;
import io.consentgateway.application.port.out.contract.ProviderStage.TokenAnswer;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.token.AuthorizationCode;
import io.consentgateway.domain.token.IssuedTokens;
import io.consentgateway.domain.token.PkceVerifier;
import io.consentgateway.domain.token.RefreshToken;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The exact requests the adapter sends the bank, and what it reads from the bank's answers. */
class BankWireFormatTest extends BankWireMockTest {
    private static final PkceVerifier VERIFIER = new PkceVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

    // ---- authorize ----

    @Test
    void theAuthorizeUrlCarriesEveryOAuthParameterPercentEncodedWithAnS256Challenge() throws Exception {
        ProviderFlow flow = adapter.startFlow(request(FlowKind.ONGOING_ACCESS, false));

        URI url = flow.widgetUrl();
        assertThat(url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath())
                .isEqualTo(bank.baseUrl() + "/bank/auth/oauth/v2/authorize");
        assertThat(url.getRawQuery()).matches("[A-Za-z0-9%&=._~*-]+").doesNotContain("+");
        Map<String, String> query = BankStage.query(url);
        assertThat(query).containsOnlyKeys("client_id", "response_type", "redirect_uri", "scope", "state",
                "code_challenge", "code_challenge_method");
        assertThat(query).containsEntry("client_id", BankStage.CLIENT_ID).containsEntry("response_type", "code")
                .containsEntry("redirect_uri", REDIRECT.toString()).containsEntry("scope", "AISP")
                .containsEntry("state", state().value()).containsEntry("code_challenge_method", "S256");
        String verifier = flow.pkceVerifier().orElseThrow().reveal();
        assertThat(verifier).hasSize(43).matches("[A-Za-z0-9_-]+");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        assertThat(query.get("code_challenge"))
                .isEqualTo(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        assertThat(flow.providerFlowId()).isEmpty();
        assertThat(bank.getAllServeEvents()).as("the URL is built without a server call").isEmpty();
    }

    @Test
    void aRenewalAndAOneTimeAccessAreTheSameAuthorizationWithAFreshVerifier() {
        ProviderFlow first = adapter.startFlow(request(FlowKind.ONGOING_ACCESS, false));
        ProviderFlow renewal = adapter.startFlow(request(FlowKind.ONGOING_ACCESS, true));
        ProviderFlow oneTime = adapter.startFlow(request(FlowKind.ONE_TIME_ACCESS, false));

        assertThat(BankStage.query(renewal.widgetUrl()).keySet()).isEqualTo(BankStage.query(first.widgetUrl()).keySet());
        assertThat(BankStage.query(oneTime.widgetUrl())).containsEntry("scope", "AISP");
        assertThat(Set.of(first.pkceVerifier().get().reveal(), renewal.pkceVerifier().get().reveal(),
                oneTime.pkceVerifier().get().reveal())).hasSize(3);
    }

    @Test
    void theBankOffersOngoingAndOneTimeAccessButNoIncomeReport() {
        assertThat(adapter.id().value()).isEqualTo("tatrabanka");
        assertThat(adapter.supportedKinds()).containsExactlyInAnyOrder(FlowKind.ONGOING_ACCESS, FlowKind.ONE_TIME_ACCESS);
        assertThatThrownBy(() -> adapter.startFlow(request(FlowKind.INCOME_REPORT, false)))
                .isInstanceOf(ProviderRejected.class);
        assertThatThrownBy(() -> adapter.incomeReport(TOKEN, "any")).isInstanceOf(ProviderRejected.class);
        assertThat(bank.getAllServeEvents()).isEmpty();
    }

    // ---- token endpoint ----

    @Test
    void aCodeExchangeSendsTheFormWithBasicAuthTheIdenticalRedirectUriAndTheVerifier() {
        stage.tokenEndpointAnswers(TokenAnswer.NEW_PAIR);

        adapter.exchangeCode(new CodeExchange(new AuthorizationCode("the-code"), REDIRECT, Optional.of(VERIFIER)));

        LoggedRequest sent = bank.findAll(postRequestedFor(urlPathEqualTo(BankStage.TOKEN_PATH))).get(0);
        assertThat(sent.getHeader("Authorization")).isEqualTo(basicHeader());
        assertThat(sent.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(sent.getHeader("Request-ID")).as("Request-ID belongs to the Accounts API").isNull();
        Map<String, String> form = form(sent.getBodyAsString());
        assertThat(form).containsOnlyKeys("grant_type", "code", "redirect_uri", "code_verifier");
        assertThat(form).containsEntry("grant_type", "authorization_code").containsEntry("code", "the-code")
                .containsEntry("code_verifier", VERIFIER.reveal());
        assertThat(form.get("redirect_uri").getBytes(StandardCharsets.UTF_8))
                .isEqualTo(REDIRECT.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCodeExchangeWithoutVerifierSendsNone() {
        stage.tokenEndpointAnswers(TokenAnswer.NEW_PAIR);

        adapter.exchangeCode(new CodeExchange(new AuthorizationCode("the-code"), REDIRECT, Optional.empty()));

        assertThat(form(bank.findAll(postRequestedFor(urlPathEqualTo(BankStage.TOKEN_PATH))).get(0).getBodyAsString()))
                .doesNotContainKey("code_verifier");
    }

    @Test
    void aRefreshSendsTheRefreshGrantWithBasicAuth() {
        stage.tokenEndpointAnswers(TokenAnswer.NEW_PAIR);

        adapter.refresh(new RefreshToken("old-refresh-token"));

        LoggedRequest sent = bank.findAll(postRequestedFor(urlPathEqualTo(BankStage.TOKEN_PATH))).get(0);
        assertThat(sent.getHeader("Authorization")).isEqualTo(basicHeader());
        assertThat(form(sent.getBodyAsString())).containsOnly(Map.entry("grant_type", "refresh_token"),
                Map.entry("refresh_token", "old-refresh-token"));
    }

    @Test
    void theTokenAnswerIsReadWithTheConsentEndFromRefreshTokenExpiresIn() {
        stage.tokenEndpointAnswers(TokenAnswer.NEW_PAIR);

        IssuedTokens issued = adapter.exchangeCode(new CodeExchange(new AuthorizationCode("c"), REDIRECT, Optional.of(VERIFIER)));

        assertThat(issued.accessToken().reveal()).isEqualTo(BankStage.ISSUED_ACCESS);
        assertThat(issued.refreshToken()).map(RefreshToken::reveal).contains(BankStage.ISSUED_REFRESH);
        assertThat(issued.tokenType()).isEqualTo("Bearer");
        assertThat(issued.scope()).isEqualTo("AISP");
        assertThat(issued.expiresIn()).contains(Duration.ofHours(1));
        assertThat(issued.consentExpiresIn()).contains(Duration.ofDays(90));
        assertThat(issued.consentEndsAt(BankStage.NOW)).contains(BankStage.NOW.plus(Duration.ofDays(90)));
    }

    // ---- Accounts API ----

    @Test
    void everyDataCallCarriesTheBearerTokenAndItsOwnRequestIdUuid() {
        stage.accountWithTransactions(TOKEN.reveal(), 237);

        adapter.accounts(TOKEN);
        adapter.transactions(TOKEN, TransactionFilter.all());

        List<LoggedRequest> calls = stage.requests();
        assertThat(calls).hasSizeGreaterThanOrEqualTo(6);
        Set<String> ids = new HashSet<>();
        for (LoggedRequest call : calls) {
            assertThat(call.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN.reveal());
            String id = call.getHeader("Request-ID");
            assertThat(UUID.fromString(id).toString()).isEqualTo(id.toLowerCase(java.util.Locale.ROOT));
            ids.add(id);
        }
        assertThat(ids).as("a fresh Request-ID per call").hasSize(calls.size());
    }

    @Test
    void accountsWalkEveryPageAndTakeEachAccountsClosingBookedBalance() {
        String firstPage = Json.createObjectBuilder().add("accounts", Json.createArrayBuilder()
                .add(BankStage.accountJson(BankStage.IBAN, "EUR"))).add("page", 1).add("pageSize", 100)
                .add("totalPages", 2).build().toString();
        String secondPage = Json.createObjectBuilder().add("accounts", Json.createArrayBuilder()
                .add(BankStage.accountJson("sk08 0900 0000 0001 2312 3123", "CZK"))).add("page", 2).add("pageSize", 100)
                .add("totalPages", 2).build().toString();
        bank.stubFor(get(urlPathEqualTo(BankStage.ACCOUNTS_PATH)).withQueryParam("page", equalTo("1"))
                .willReturn(BankStage.json(200, firstPage)));
        bank.stubFor(get(urlPathEqualTo(BankStage.ACCOUNTS_PATH)).withQueryParam("page", equalTo("2"))
                .willReturn(BankStage.json(200, secondPage)));
        stage.stubInformation(TOKEN.reveal(), BankStage.IBAN, BankStage.balancesJson("1834.20", "3790.85"));
        stage.stubInformation(TOKEN.reveal(), BankStage.OTHER_IBAN, Json.createObjectBuilder()
                .add("balances", Json.createArrayBuilder().add(BankStage.balance("interimAvailable", "-12.5"))).build());

        List<Account> accounts = adapter.accounts(TOKEN);

        assertThat(accounts).extracting(Account::id).containsExactly(BankStage.IBAN, BankStage.OTHER_IBAN);
        Account first = BankStage.account(accounts, BankStage.IBAN);
        assertThat(first.iban()).map(Object::toString).contains(BankStage.IBAN);
        assertThat(first.bic()).contains("TATRSKBX");
        assertThat(first.name()).contains("Bežný účet");
        assertThat(first.owner()).contains("Jana Kováč");
        assertThat(first.type()).contains("Current account");
        assertThat(first.bankName()).contains("Tatra banka");
        assertThat(first.currency()).map(c -> c.getCurrencyCode()).contains("EUR");
        assertThat(first.balance()).hasValueSatisfying(b -> {
            assertThat(b.amount().amount()).isEqualByComparingTo("1834.20");
            assertThat(b.asOf()).contains(LocalDate.parse("2026-03-10").atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        });
        assertThat(BankStage.account(accounts, BankStage.OTHER_IBAN).balance()).hasValueSatisfying(b -> assertThat(b.amount().amount())
                .isEqualByComparingTo("-12.5"));
        List<LoggedRequest> pages = bank.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(urlPathEqualTo(BankStage.ACCOUNTS_PATH)));
        assertThat(pages).extracting(r -> r.queryParameter("page").firstValue()).containsExactly("1", "2");
        assertThat(pages).allSatisfy(r -> {
            assertThat(r.queryParameter("pageSize").firstValue()).isEqualTo("100");
            assertThat(r.queryParameter("order").firstValue()).isEqualTo("asc");
        });
        assertThat(bank.findAll(postRequestedFor(urlPathEqualTo(BankStage.INFORMATION_PATH))))
                .extracting(r -> BankStage.parse(r.getBodyAsString()))
                .containsExactly(Json.createObjectBuilder().add("iban", BankStage.IBAN).build(),
                        Json.createObjectBuilder().add("iban", BankStage.OTHER_IBAN).build());
    }

    @Test
    void anAccountTheBankGivesNoInformationOnIsListedWithoutBalance() {
        stage.stubAccounts(TOKEN.reveal(), List.of(BankStage.accountJson(BankStage.IBAN, "EUR")));
        bank.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(BankStage.INFORMATION_PATH))
                .willReturn(BankStage.json(404, BankStage.error("not_found", "No consented account with this IBAN"))));

        assertThat(adapter.accounts(TOKEN)).singleElement().satisfies(a -> assertThat(a.balance()).isEmpty());
    }

    @Test
    void transactionsWalkEveryPageWithTheConfiguredStatusAndTheFiltersDates() {
        stage.accountWithTransactions(TOKEN.reveal(), 237);
        TransactionFilter filter = new TransactionFilter(List.of(), Optional.of(LocalDate.parse("2026-01-01")),
                Optional.of(LocalDate.parse("2026-01-31")));

        List<Transaction> transactions = adapter.transactions(TOKEN, filter);

        assertThat(transactions).hasSize(237);
        List<JsonObject> bodies = bank.findAll(postRequestedFor(urlPathEqualTo(BankStage.TRANSACTIONS_PATH))).stream()
                .map(r -> BankStage.parse(r.getBodyAsString())).toList();
        assertThat(bodies).extracting(b -> b.getInt("page")).containsExactly(1, 2, 3);
        assertThat(bodies).allSatisfy(b -> assertThat(b).isEqualTo(Json.createObjectBuilder()
                .add("iban", BankStage.IBAN).add("status", "BOOK").add("dateFrom", "2026-01-01")
                .add("dateTo", "2026-01-31").add("page", b.getInt("page")).add("pageSize", 100).build()));
    }

    @Test
    void withoutDatesTheBodyCarriesNoneAndTheStatusAndPageSizeFollowTheSettings() {
        BankConsentProvider all = stage.adapter(stage.settings().transactionStatus(BankSettings.TransactionStatus.ALL)
                .pageSize(50).maxPages(10).maxTransactions(1_000).build());
        stage.stubAccounts(TOKEN.reveal(), List.of(BankStage.accountJson(BankStage.IBAN, "EUR")));
        stage.stubTransactionsPage(TOKEN.reveal(), BankStage.IBAN, 1, List.of(
                BankStage.transactionJson("T1", "CRDT", "1.00", LocalDate.parse("2026-01-02"))), 1);

        all.transactions(TOKEN, TransactionFilter.all());

        JsonObject body = BankStage.parse(bank.findAll(postRequestedFor(urlPathEqualTo(BankStage.TRANSACTIONS_PATH)))
                .get(0).getBodyAsString());
        assertThat(body).containsOnlyKeys("iban", "status", "page", "pageSize");
        assertThat(body.getString("status")).isEqualTo("ALL");
        assertThat(body.getInt("pageSize")).isEqualTo(50);
    }

    @Test
    void aFilterNamesAccountsByIbanAndOnlyThoseAreRead() {
        stage.stubAccounts(TOKEN.reveal(), List.of(BankStage.accountJson(BankStage.IBAN, "EUR"),
                BankStage.accountJson(BankStage.OTHER_IBAN, "EUR")));
        stage.stubTransactionsPage(TOKEN.reveal(), BankStage.OTHER_IBAN, 1, List.of(
                BankStage.transactionJson("T1", "DBIT", "5.00", LocalDate.parse("2026-01-02"))), 1);

        List<Transaction> read = adapter.transactions(TOKEN, new TransactionFilter(
                List.of("SK08 0900 0000 0001 2312 3123", "SK5511000000002612345678"), Optional.empty(), Optional.empty()));

        assertThat(read).singleElement().satisfies(t -> {
            assertThat(t.accountId()).isEqualTo(BankStage.OTHER_IBAN);
            assertThat(t.amount().amount()).isEqualByComparingTo(new BigDecimal("-5.00"));
        });
        assertThat(bank.findAll(postRequestedFor(urlPathEqualTo(BankStage.TRANSACTIONS_PATH))))
                .extracting(r -> BankStage.parse(r.getBodyAsString()).getString("iban"))
                .containsExactly(BankStage.OTHER_IBAN);
    }

    @Test
    void aWalkStopsAtAnEmptyPageEvenWithoutTotalPages() {
        stage.stubAccounts(TOKEN.reveal(), List.of(BankStage.accountJson(BankStage.IBAN, "EUR")));
        List<JsonObject> full = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            full.add(BankStage.transactionJson("T" + i, "CRDT", "1", LocalDate.parse("2026-01-02")));
        }
        bank.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(BankStage.TRANSACTIONS_PATH))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.page", equalTo("1")))
                .willReturn(BankStage.json(200, Json.createObjectBuilder().add("transactions", Json.createArrayBuilder(full))
                        .build().toString())));
        bank.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(BankStage.TRANSACTIONS_PATH))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.page", equalTo("2")))
                .willReturn(BankStage.json(200, "{\"transactions\":[]}")));

        assertThat(adapter.transactions(TOKEN, TransactionFilter.all())).hasSize(100);
        assertThat(bank.findAll(postRequestedFor(urlPathEqualTo(BankStage.TRANSACTIONS_PATH)))).hasSize(2);
    }

    @Test
    void aBankThatNeverEndsItsPagesHitsTheSafetyNet() {
        BankConsentProvider capped = stage.adapter(stage.settings().pageSize(10).maxPages(3).maxTransactions(1_000).build());
        stage.stubAccounts(TOKEN.reveal(), List.of(BankStage.accountJson(BankStage.IBAN, "EUR")));
        List<JsonObject> full = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            full.add(BankStage.transactionJson("T" + i, "CRDT", "1", LocalDate.parse("2026-01-02")));
        }
        bank.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(BankStage.TRANSACTIONS_PATH))
                .willReturn(BankStage.json(200, Json.createObjectBuilder().add("transactions", Json.createArrayBuilder(full))
                        .add("totalPages", 999).build().toString())));

        assertThatThrownBy(() -> capped.transactions(TOKEN, TransactionFilter.all()))
                .isInstanceOf(PagingLimitExceeded.class).hasMessageContaining("cg.tatrabanka.max-pages");
        assertThat(bank.findAll(postRequestedFor(urlPathEqualTo(BankStage.TRANSACTIONS_PATH)))).hasSize(3);
    }

    @Test
    void tooManyTransactionsInAllHitTheSafetyNet() {
        BankConsentProvider capped = stage.adapter(stage.settings().pageSize(100).maxPages(100).maxTransactions(150).build());
        stage.accountWithTransactions(TOKEN.reveal(), 237);

        assertThatThrownBy(() -> capped.transactions(TOKEN, TransactionFilter.all()))
                .isInstanceOf(PagingLimitExceeded.class).hasMessageContaining("cg.tatrabanka.max-transactions");
    }

    @Test
    void noCallToTheBankCarriesAnythingButWhatTheApiTakes() {
        stage.accountWithTransactions(TOKEN.reveal(), 10);

        adapter.transactions(TOKEN, TransactionFilter.all());

        assertThat(bank.findAll(anyRequestedFor(anyUrl()))).allSatisfy(r ->
                assertThat(r.getUrl()).startsWith("/bank/api/v1/accounts"));
    }

    static Map<String, String> form(String body) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            assertThat(values.put(name, URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)))
                    .as("form parameter %s is sent once", name).isNull();
        }
        return values;
    }
}
