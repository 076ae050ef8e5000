package io.consentgateway.adapter.out.nrich;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.consentgateway.application.port.out.ConsentProvider;
import io.consentgateway.application.port.out.ProviderFlow;
import io.consentgateway.application.port.out.TransactionFilter;
import io.consentgateway.application.port.out.contract.ConsentProviderContract;
import io.consentgateway.application.port.out.contract.ProviderStage;
import io.consentgateway.domain.flow.State;
import io.consentgateway.domain.token.AccessToken;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nrich adapter passes the shared {@link ConsentProviderContract}: the real adapter, built as production builds it,
 * against WireMock speaking nrich's documented payloads (flow initiation 201 {@code {location, id}}, the callback's
 * {@code success/code/abort/flow_id}, {@code /auth/token} answers and nrich's error body, {@code count/offset} pages).
 */
class NrichConsentProviderContractTest extends ConsentProviderContract {
    private static final int PAGE_SIZE = 100;
    private static final String ACCOUNT = "ACC-CONTRACT-1";

    private static WireMockServer nrich;

    // Field order matters: the stage resets WireMock before the adapter is built; both are new for each test.
    private final NrichStage stage = new NrichStage();
    private final NrichConsentProvider adapter = new NrichConsentProvider(settings(URI.create(nrich.baseUrl())),
            NrichWireMockTest.CLOCK);
    private final List<NrichConsentProvider> others = new ArrayList<>();

    @BeforeAll
    static void startNrich() {
        nrich = new WireMockServer(options().dynamicPort().containerThreads(20));
        nrich.start();
    }

    @AfterAll
    static void stopNrich() {
        nrich.stop();
    }

    @AfterEach
    void closeAdapters() {
        adapter.close();
        others.forEach(NrichConsentProvider::close);
    }

    @Override
    protected ConsentProvider provider() {
        return adapter;
    }

    @Override
    protected ProviderStage stage() {
        return stage;
    }

    /** The stage itself: the contract's 237 transactions really arrive over several of nrich's pages. */
    @Test
    void theStagedTransactionsAreServedOverThreePagesOfCountAndOffset() {
        stage.accountWithTransactions("paging-token", 237);

        assertThat(adapter.transactions(new AccessToken("paging-token"), TransactionFilter.all())).hasSize(237);

        nrich.verify(3, getRequestedFor(urlPathEqualTo("/rest/transactions")));
        for (int offset : new int[] {0, 100, 200}) {
            nrich.verify(1, getRequestedFor(urlPathEqualTo("/rest/transactions"))
                    .withQueryParam("count", equalTo("100")).withQueryParam("offset", equalTo(String.valueOf(offset))));
        }
    }

    private static NrichSettings settings(URI baseUri) {
        return NrichSettings.builder()
                .baseUri(baseUri)
                .client("contract-client", "contract-client-secret")
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(2))
                .pageSize(PAGE_SIZE).maxPages(500).build();
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static JsonObject parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** nrich, in its own words. */
    private final class NrichStage implements ProviderStage {
        private static final String ACCESS_TOKEN = "nrich-issued-access-token";
        private static final String REFRESH_TOKEN = "nrich-issued-refresh-token";

        NrichStage() {
            nrich.resetAll();
        }

        // ---- flows ----

        @Override
        public boolean usesPkce() {
            return false; // nrich documents no PKCE
        }

        /** Every flow endpoint answers 201 with a widget location and a flow id of its own. */
        @Override
        public void flowStartSucceeds() {
            for (String path : List.of("/ongoing/access", "/onetime/access", "/onetime/income-report", "/ongoing/sync")) {
                nrich.stubFor(post(path).willReturn(json(201, """
                        {"location": "https://widget.nrich.example/?token={{randomValue length=24 type='ALPHANUMERIC'}}",
                         "id": "{{randomValue type='UUID'}}"}""").withTransformers("response-template")));
            }
        }

        /** The recorded JSON body of the start that answered this flow's id. */
        @Override
        public StartSeen startSeen(ProviderFlow started) {
            String flowId = started.providerFlowId().orElseThrow(() -> new AssertionError("nrich always names its flow"));
            for (ServeEvent event : nrich.getAllServeEvents()) {
                if (!event.getRequest().getUrl().startsWith("/ongoing/") && !event.getRequest().getUrl().startsWith("/onetime/")) {
                    continue;
                }
                JsonObject answer = parse(event.getResponse().getBodyAsString());
                if (flowId.equals(answer.getString("id", null))) {
                    JsonObject body = parse(event.getRequest().getBodyAsString());
                    return new StartSeen(body.getString("state"), body.getString("redirect_uri"),
                            Optional.ofNullable(body.getString("code_challenge", null)),
                            Optional.ofNullable(body.getString("code_challenge_method", null)));
                }
            }
            throw new AssertionError("no flow start answered with id " + flowId);
        }

        @Override
        public Map<String, String> approvedCallback(State state, String code, ProviderFlow started) {
            return Map.of("state", state.value(), "success", "true", "code", code, "flow_id", flowId(started));
        }

        @Override
        public Map<String, String> cancelledCallback(State state, ProviderFlow started) {
            return Map.of("state", state.value(), "success", "false", "abort", "true", "flow_id", flowId(started));
        }

        @Override
        public Map<String, String> failedCallback(State state, ProviderFlow started) {
            return Map.of("state", state.value(), "success", "false", "flow_id", flowId(started));
        }

        @Override
        public Map<String, String> approvedWithoutCode(State state, ProviderFlow started) {
            return Map.of("state", state.value(), "success", "true", "flow_id", flowId(started));
        }

        @Override
        public Optional<Map<String, String>> callbackOfAnotherFlow(State state, ProviderFlow started) {
            return Optional.of(Map.of("state", state.value(), "success", "true", "code", "another-flows-code",
                    "flow_id", "another-" + flowId(started)));
        }

        private String flowId(ProviderFlow started) {
            return started.providerFlowId().orElseThrow();
        }

        // ---- the token endpoint ----

        @Override
        public void tokenEndpointAnswers(TokenAnswer answer) {
            ResponseDefinitionBuilder response = switch (answer) {
                case NEW_PAIR -> json(200, """
                        {"access_token": "%s", "expires_in": 3600, "scope": "accounts=ro balance=ro transactions=ro offline",
                         "token_type": "Bearer", "refresh_token": "%s"}""".formatted(ACCESS_TOKEN, REFRESH_TOKEN));
                case ACCESS_ONLY -> json(200, """
                        {"access_token": "%s", "expires_in": 3600, "token_type": "Bearer"}""".formatted(ACCESS_TOKEN));
                case GRANT_INVALID -> json(400, """
                        {"error": {"code": 1000, "group": "client", "description": "The grant is invalid or expired"}}""");
                case CLIENT_REFUSED -> json(401, """
                        {"error": {"code": 1002, "group": "client", "description": "Unauthorized"}}""")
                        .withHeader("WWW-Authenticate", "Basic realm=\"nrich\"");
                case FORBIDDEN -> json(403, """
                        {"error": {"code": 1003, "group": "client", "description": "Forbidden"}}""");
                case NOT_FOUND -> aResponse().withStatus(404);
                case SERVER_ERROR -> json(500, """
                        {"error": {"code": 5000, "group": "server", "description": "Internal error"}}""");
                case NO_ANSWER -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
                case OVERLOADED -> aResponse().withStatus(503).withHeader("Retry-After", "30");
            };
            nrich.stubFor(post("/auth/token").willReturn(response));
        }

        @Override
        public int tokenCalls() {
            return nrich.countRequestsMatching(postRequestedFor(urlEqualTo("/auth/token")).build()).getCount();
        }

        @Override
        public String issuedAccessToken() {
            return ACCESS_TOKEN;
        }

        @Override
        public String issuedRefreshToken() {
            return REFRESH_TOKEN;
        }

        /** The same adapter against a port nobody listens on. */
        @Override
        public ConsentProvider unreachableProvider() {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            NrichConsentProvider nowhere = new NrichConsentProvider(
                    settings(URI.create("http://localhost:" + closedPort + "/nrich")), NrichWireMockTest.CLOCK);
            others.add(nowhere);
            return nowhere;
        }

        // ---- data ----

        /** One account; its transactions served by {@code count}/{@code offset} pages of {@value #PAGE_SIZE}. */
        @Override
        public String accountWithTransactions(String accessToken, int count) {
            String bearer = "Bearer " + accessToken;
            nrich.stubFor(get("/rest/accounts").withHeader("Authorization", equalTo(bearer)).willReturn(json(200, """
                    {"accounts": [{"account_id": "%s", "iban": "DE89370400440532013000", "name": "Girokonto",
                      "currency": "EUR", "type": "Giro account", "balance": {"balance": 1523.47, "balance_date": "2026-11-20"}}]}"""
                    .formatted(ACCOUNT))));
            for (int offset = 0; offset <= count; offset += PAGE_SIZE) {
                JsonArrayBuilder page = Json.createArrayBuilder();
                for (int i = offset; i < Math.min(offset + PAGE_SIZE, count); i++) {
                    page.add(Json.createObjectBuilder()
                            .add("transaction_id", "T-" + i)
                            .add("account_id", ACCOUNT)
                            .add("amount", -(i + 1) / 100.0)
                            .add("currency", "EUR")
                            .add("booking_date", "2026-11-" + String.format("%02d", 1 + i % 28))
                            .add("booked", true)
                            .add("name", "Counterparty " + i)
                            .add("purpose", "Purchase " + i));
                }
                nrich.stubFor(get(urlPathEqualTo("/rest/transactions"))
                        .withHeader("Authorization", equalTo(bearer))
                        .withQueryParam("count", equalTo(String.valueOf(PAGE_SIZE)))
                        .withQueryParam("offset", equalTo(String.valueOf(offset)))
                        .willReturn(json(200, Json.createObjectBuilder().add("transactions", page).build().toString())));
            }
            return ACCOUNT;
        }

        @Override
        public void accessTokenRefused(String accessToken) {
            String bearer = "Bearer " + accessToken;
            String refused = """
                    {"error": {"code": 1002, "group": "client", "description": "Invalid or expired access token"}}""";
            nrich.stubFor(get(urlPathEqualTo("/rest/accounts")).atPriority(1).withHeader("Authorization", equalTo(bearer))
                    .willReturn(json(401, refused)));
            nrich.stubFor(get(urlPathEqualTo("/rest/transactions")).atPriority(1).withHeader("Authorization", equalTo(bearer))
                    .willReturn(json(401, refused)));
        }
    }
}
