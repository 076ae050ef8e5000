package io.consentgateway.adapter.out.bank;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.application.port.out.ConsentProvider;
import io.consentgateway.application.port.out.ProviderFlow;
import io.consentgateway.application.port.out.contract.ProviderStage;
import io.consentgateway.domain.flow.State;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * A WireMock server speaking Tatra banka's PSD2 payloads (as the sandbox's bank simulator does, docs/sandbox.md §2),
 * and adapters built against it exactly as production builds them (RESTEasy's MicroProfile Rest Client outside
 * Liberty; fault tolerance inert). Serves the shared {@code ConsentProviderContract} and this module's own tests.
 */
final class BankStage implements ProviderStage {
    /** The account the adapter reported with this id (its IBAN), picked by what it is, not by where it stands. */
    static Account account(List<Account> accounts, String id) {
        return accounts.stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no account " + id + " in " + accounts));
    }

    static final String CLIENT_ID = "gateway-client";
    static final String CLIENT_SECRET = "s3cr3t-bank-client-secret";
    static final String TOKEN_PATH = "/bank/auth/oauth/v2/token";
    static final String ACCOUNTS_PATH = "/bank/api/v1/accounts";
    static final String INFORMATION_PATH = "/bank/api/v1/accounts/information";
    static final String TRANSACTIONS_PATH = "/bank/api/v1/accounts/transactions";
    /** Valid Slovak IBANs (ISO 13616 check digits hold). */
    static final String IBAN = "SK3112000000198742637541";
    static final String OTHER_IBAN = "SK0809000000000123123123";
    static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String ISSUED_ACCESS = "bank-access-token-1";
    static final String ISSUED_REFRESH = "bank-refresh-token-1";

    private final WireMockServer server;
    private final List<BankConsentProvider> built = new ArrayList<>();

    BankStage(WireMockServer server) {
        this.server = server;
    }

    WireMockServer server() {
        return server;
    }

    /** Settings pointed at the WireMock server, to change further and {@code build()}. */
    BankSettings.Builder settings() {
        return BankSettings.builder()
                .baseUri(URI.create(server.baseUrl() + "/bank/"))
                .client(CLIENT_ID, CLIENT_SECRET)
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(2));
    }

    /** An adapter for these settings, closed by {@link #close()}. */
    BankConsentProvider adapter(BankSettings settings) {
        BankConsentProvider adapter = new BankConsentProvider(settings, CLOCK);
        built.add(adapter);
        return adapter;
    }

    void close() {
        built.forEach(BankConsentProvider::close);
        built.clear();
    }

    // ---- flows ----

    @Override
    public boolean usesPkce() {
        return true;
    }

    @Override
    public void flowStartSucceeds() {
        // the authorize URL is built locally: nothing to stage
    }

    @Override
    public StartSeen startSeen(ProviderFlow started) {
        Map<String, String> query = query(started.widgetUrl());
        return new StartSeen(query.get("state"), query.get("redirect_uri"), Optional.ofNullable(query.get("code_challenge")),
                Optional.ofNullable(query.get("code_challenge_method")));
    }

    /** The decoded query of a URL, each name once. */
    static Map<String, String> query(URI url) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            if (values.put(name, URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)) != null) {
                throw new AssertionError("query parameter " + name + " repeated");
            }
        }
        return values;
    }

    @Override
    public Map<String, String> approvedCallback(State state, String code, ProviderFlow started) {
        return Map.of("code", code, "state", state.value());
    }

    @Override
    public Map<String, String> cancelledCallback(State state, ProviderFlow started) {
        return Map.of("error", "access_denied", "error_description", "The user denied the request", "state", state.value());
    }

    @Override
    public Map<String, String> failedCallback(State state, ProviderFlow started) {
        return Map.of("error", "server_error", "error_description", "Something broke", "state", state.value());
    }

    @Override
    public Map<String, String> approvedWithoutCode(State state, ProviderFlow started) {
        return Map.of("state", state.value());
    }

    @Override
    public Optional<Map<String, String>> callbackOfAnotherFlow(State state, ProviderFlow started) {
        return Optional.empty(); // an OAuth callback carries nothing but the state to tell flows apart
    }

    // ---- the token endpoint ----

    @Override
    public void tokenEndpointAnswers(TokenAnswer answer) {
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(tokenAnswer(answer)));
    }

    static ResponseDefinitionBuilder tokenAnswer(TokenAnswer answer) {
        switch (answer) {
            case NEW_PAIR:
                return json(200, tokenJson(true).toString());
            case ACCESS_ONLY:
                return json(200, tokenJson(false).toString());
            case GRANT_INVALID:
                return json(400, error("invalid_grant", "The authorization code is invalid"));
            case CLIENT_REFUSED:
                return json(401, error("invalid_client", "Client authentication failed"))
                        .withHeader("WWW-Authenticate", "Basic realm=\"bank\"");
            case FORBIDDEN:
                return json(403, error("access_denied", "Forbidden"));
            case NOT_FOUND:
                return aResponse().withStatus(404).withHeader("Content-Type", "text/html").withBody("<h1>Not Found</h1>");
            case SERVER_ERROR:
                return json(500, error("server_error", "Internal error"));
            case OVERLOADED:
                return aResponse().withStatus(503).withHeader("Retry-After", "30");
            case NO_ANSWER:
                return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            default:
                throw new IllegalArgumentException(String.valueOf(answer));
        }
    }

    static JsonObject tokenJson(boolean withRefresh) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("access_token", ISSUED_ACCESS).add("token_type", "Bearer")
                .add("expires_in", 3600);
        if (withRefresh) {
            b.add("refresh_token", ISSUED_REFRESH).add("refresh_token_expires_in", 7_776_000);
        }
        return b.add("scope", "AISP").build();
    }

    @Override
    public int tokenCalls() {
        return server.countRequestsMatching(postRequestedFor(urlPathEqualTo(TOKEN_PATH)).build()).getCount();
    }

    @Override
    public String issuedAccessToken() {
        return ISSUED_ACCESS;
    }

    @Override
    public String issuedRefreshToken() {
        return ISSUED_REFRESH;
    }

    @Override
    public ConsentProvider unreachableProvider() {
        return adapter(settings().baseUri(URI.create("http://127.0.0.1:" + closedPort() + "/bank")).build());
    }

    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- data ----

    /**
     * One account ({@link #IBAN}) with {@code count} transactions over pages of 100: every page after the first
     * repeats the last transaction of the page before (the data moved), so the walk must deduplicate.
     */
    @Override
    public String accountWithTransactions(String accessToken, int count) {
        stubAccounts(accessToken, List.of(accountJson(IBAN, "EUR")));
        stubInformation(accessToken, IBAN, balancesJson("1834.20", "3790.85"));
        List<JsonObject> all = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            all.add(transactionJson("T" + String.format("%05d", i), i % 3 == 0 ? "DBIT" : "CRDT", i + ".50",
                    LocalDate.of(2026, 1, 1).plusDays(i % 60)));
        }
        List<List<JsonObject>> pages = new ArrayList<>();
        pages.add(all.subList(0, Math.min(100, all.size())));
        for (int start = 100; start < all.size(); start += 99) {
            pages.add(all.subList(start - 1, Math.min(start + 99, all.size())));
        }
        for (int p = 0; p < pages.size(); p++) {
            stubTransactionsPage(accessToken, IBAN, p + 1, pages.get(p), pages.size());
        }
        return IBAN;
    }

    @Override
    public void accessTokenRefused(String accessToken) {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(anyUrl())
                .withHeader("Authorization", equalTo("Bearer " + accessToken)).atPriority(1)
                .willReturn(json(401, error("invalid_token", "The access token is invalid, expired or revoked"))
                        .withHeader("WWW-Authenticate", "Bearer realm=\"bank\", error=\"invalid_token\"")));
    }

    void stubAccounts(String accessToken, List<JsonObject> accounts) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        accounts.forEach(items::add);
        server.stubFor(get(urlPathEqualTo(ACCOUNTS_PATH)).withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(json(200, Json.createObjectBuilder().add("accounts", items).add("page", 1).add("pageSize", 100)
                        .add("totalPages", 1).add("totalElements", accounts.size()).build().toString())));
    }

    void stubInformation(String accessToken, String iban, JsonObject information) {
        server.stubFor(post(urlPathEqualTo(INFORMATION_PATH)).withHeader("Authorization", equalTo("Bearer " + accessToken))
                .withRequestBody(matchingJsonPath("$.iban", equalTo(iban)))
                .willReturn(json(200, information.toString())));
    }

    void stubTransactionsPage(String accessToken, String iban, int page, List<JsonObject> items, int totalPages) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        items.forEach(array::add);
        server.stubFor(post(urlPathEqualTo(TRANSACTIONS_PATH)).withHeader("Authorization", equalTo("Bearer " + accessToken))
                .withRequestBody(matchingJsonPath("$.iban", equalTo(iban)))
                .withRequestBody(matchingJsonPath("$.page", equalTo(String.valueOf(page))))
                .willReturn(json(200, Json.createObjectBuilder().add("transactions", array).add("page", page)
                        .add("pageSize", 100).add("totalPages", totalPages).add("totalElements", 0).build().toString())));
    }

    static JsonObject accountJson(String iban, String currency) {
        return Json.createObjectBuilder().add("iban", iban).add("bic", "TATRSKBX").add("currency", currency)
                .add("name", "Bežný účet").add("product", "Current account").add("ownerName", "Jana Kováč")
                .add("status", "enabled").build();
    }

    static JsonObject balancesJson(String closingBooked, String interimAvailable) {
        return Json.createObjectBuilder()
                .add("account", accountJson(IBAN, "EUR"))
                .add("balances", Json.createArrayBuilder()
                        .add(balance("interimAvailable", interimAvailable))
                        .add(balance("closingBooked", closingBooked)))
                .build();
    }

    static JsonObject balance(String type, String amount) {
        return Json.createObjectBuilder().add("balanceType", type)
                .add("balanceAmount", Json.createObjectBuilder().add("amount", amount).add("currency", "EUR"))
                .add("referenceDate", "2026-03-10").build();
    }

    static JsonObject transactionJson(String id, String indicator, String amount, LocalDate booked) {
        return Json.createObjectBuilder()
                .add("transactionId", id)
                .add("status", "BOOK")
                .add("bookingDate", booked.toString())
                .add("valueDate", booked.toString())
                .add("transactionAmount", Json.createObjectBuilder().add("amount", amount).add("currency", "EUR"))
                .add("creditDebitIndicator", indicator)
                .add("counterpartyName", "Vzorová Firma s.r.o.")
                .add("counterpartyAccount", Json.createObjectBuilder().add("iban", OTHER_IBAN))
                .add("remittanceInformation", "Invoice " + id)
                .add("bankTransactionCode", "Mzda")
                .add("endToEndId", "E2E-" + id)
                .build();
    }

    static String error(String error, String description) {
        return Json.createObjectBuilder().add("error", error).add("error_description", description).build().toString();
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    List<LoggedRequest> requests() {
        return server.findAll(anyRequestedFor(anyUrl()));
    }

    static JsonObject parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
