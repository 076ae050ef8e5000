package io.consentgateway.adapter.out.bank;

import com.github.tomakehurst.wiremock.http.Fault;
import io.consentgateway.adapter.kit.ProviderBusy;
import io.consentgateway.application.port.out.ProviderNotReached;
import io.consentgateway.application.port.out.ProviderException;
import io.consentgateway.application.port.out.ProviderMisconfigured;
import io.consentgateway.application.port.out.ProviderRejected;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import io.consentgateway.application.port.out.TransactionFilter;
import io.consentgateway.domain.token.RefreshToken;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The error classification table of the README, case by case, at the token endpoint and the Accounts API. */
class BankErrorClassificationTest extends BankWireMockTest {

    @ParameterizedTest(name = "token endpoint {0} {1} -> {2}")
    @CsvSource({
            "400, invalid_grant,          ReauthorizationRequired",
            "400, some_new_error,         ReauthorizationRequired",
            "400, ,                       ReauthorizationRequired",
            "400, invalid_request,        ProviderRejected",
            "400, unsupported_grant_type, ProviderRejected",
            "400, invalid_scope,          ProviderRejected",
            "400, invalid_client,         ProviderMisconfigured",
            "400, unauthorized_client,    ProviderMisconfigured",
            "401, invalid_client,         ProviderMisconfigured",
            "401, invalid_grant,          ProviderMisconfigured",
            "401, ,                       ProviderMisconfigured",
            "403, ,                       ProviderMisconfigured",
            "404, ,                       ProviderMisconfigured",
            "405, ,                       ProviderRejected",
            "408, ,                       ProviderUnavailable",
            "500, server_error,           ProviderUnavailable",
            "502, ,                       ProviderUnavailable",
            "504, ,                       ProviderUnavailable",
    })
    void theTokenEndpointsAnswersAreClassified(int status, String error, String expected) {
        bank.stubFor(post(urlPathEqualTo(BankStage.TOKEN_PATH)).willReturn(error == null
                ? aResponse().withStatus(status)
                : BankStage.json(status, BankStage.error(error, "a description that must never be quoted"))));

        Throwable failure = catchThrowable(() -> adapter.refresh(new RefreshToken("rt")));

        assertThat(failure.getClass().getSimpleName()).isEqualTo(expected);
        assertThat(failure.getMessage()).contains("HTTP " + status).doesNotContain("never be quoted");
        if (failure instanceof ProviderUnavailable unavailable) {
            assertThat(unavailable.requestMayHaveBeenProcessed()).isTrue();
        }
        assertThat(stage.tokenCalls()).isEqualTo(1);
    }

    @Test
    void aConfigurationFaultNamesTheSettingsToCheckButNeverTheSecret() {
        stage.tokenEndpointAnswers(io.consentgateway.application.port.out.contract.ProviderStage.TokenAnswer.CLIENT_REFUSED);

        Throwable failure = catchThrowable(() -> adapter.refresh(new RefreshToken("rt")));

        assertThat(failure).isInstanceOf(ProviderMisconfigured.class)
                .hasMessageContaining("cg.tatrabanka.client-id").hasMessageContaining("cg.tatrabanka.client-secret")
                .hasMessageNotContaining(BankStage.CLIENT_SECRET);
    }

    @Test
    void aMissingTokenEndpointNamesTheBaseUrl() {
        bank.stubFor(post(urlPathEqualTo(BankStage.TOKEN_PATH)).willReturn(aResponse().withStatus(404)));

        assertThat(catchThrowable(() -> adapter.refresh(new RefreshToken("rt"))))
                .isInstanceOf(ProviderMisconfigured.class).hasMessageContaining("cg.tatrabanka.base-url");
    }

    @Test
    void a503WithRetryAfterIsUnavailableAndSaysHowLongToWait() {
        bank.stubFor(post(urlPathEqualTo(BankStage.TOKEN_PATH))
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "120")));

        Throwable failure = catchThrowable(() -> adapter.refresh(new RefreshToken("rt")));

        assertThat(failure).isInstanceOfSatisfying(ProviderBusy.class, busy -> {
            assertThat(busy.retryAfter()).contains(Duration.ofSeconds(120));
            assertThat(busy.requestMayHaveBeenProcessed()).as("the bank declined it: the refresh token is not spent").isFalse();
        });
    }

    @Test
    void a429WithAnHttpDateIsReadAgainstTheClock() {
        bank.stubFor(get(urlPathEqualTo(BankStage.ACCOUNTS_PATH))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "Tue, 10 Mar 2026 10:00:30 GMT")));

        assertThat(catchThrowable(() -> adapter.accounts(TOKEN))).isInstanceOfSatisfying(ProviderUnavailable.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(30)));
    }

    @ParameterizedTest(name = "Accounts API {0} -> {1}")
    @CsvSource({
            "401, ReauthorizationRequired",
            "403, ProviderMisconfigured",
            "404, ProviderRejected",
            "400, ProviderRejected",
            "409, ProviderRejected",
            "500, ProviderUnavailable",
            "503, ProviderUnavailable",
    })
    void theAccountsApisAnswersAreClassified(int status, String expected) {
        bank.stubFor(any(urlPathMatching("/bank/api/v1/accounts.*"))
                .willReturn(BankStage.json(status, BankStage.error("some_error", "never quoted"))));

        Throwable listing = catchThrowable(() -> adapter.accounts(TOKEN));
        Throwable transactions = catchThrowable(() -> adapter.transactions(TOKEN, TransactionFilter.all()));

        assertThat(List.of(listing, transactions)).allSatisfy(failure -> {
            assertThat(failure.getClass().getSimpleName()).isEqualTo(expected);
            assertThat(failure.getMessage()).doesNotContain("never quoted");
        });
    }

    @Test
    void aRefusedTokenOnTheTransactionsPagesRequiresReauthorization() {
        stage.stubAccounts(TOKEN.reveal(), List.of(BankStage.accountJson(BankStage.IBAN, "EUR")));
        bank.stubFor(post(urlPathEqualTo(BankStage.TRANSACTIONS_PATH))
                .willReturn(BankStage.json(401, BankStage.error("invalid_token", "expired"))));

        assertThat(catchThrowable(() -> adapter.transactions(TOKEN, TransactionFilter.all())))
                .isInstanceOf(ReauthorizationRequired.class);
    }

    @Test
    void aRefusedConnectionIsNotReachedAndWasNotSent() {
        BankConsentProvider nowhere = stage.adapter(stage.settings()
                .baseUri(URI.create("http://127.0.0.1:" + BankStage.closedPort() + "/bank")).build());

        assertThat(List.of(catchThrowable(() -> nowhere.refresh(new RefreshToken("rt"))),
                catchThrowable(() -> nowhere.accounts(TOKEN)))).allSatisfy(failure ->
                assertThat(failure).isInstanceOfSatisfying(ProviderNotReached.class,
                        e -> assertThat(e.requestMayHaveBeenProcessed()).isFalse()));
    }

    @Test
    void anUnknownHostIsNotReached() {
        BankConsentProvider nowhere = stage.adapter(stage.settings().baseUri(URI.create("http://no-such-host.invalid/bank")).build());

        assertThat(catchThrowable(() -> nowhere.refresh(new RefreshToken("rt"))))
                .isInstanceOfSatisfying(ProviderUnavailable.class, e -> assertThat(e.requestMayHaveBeenProcessed()).isFalse());
    }

    @Test
    void aReadTimeoutIsInDoubt() {
        BankConsentProvider impatient = stage.adapter(stage.settings().connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofMillis(200)).build());
        stage.tokenEndpointAnswers(io.consentgateway.application.port.out.contract.ProviderStage.TokenAnswer.NEW_PAIR);
        bank.stubFor(post(urlPathEqualTo(BankStage.TOKEN_PATH))
                .willReturn(BankStage.json(200, BankStage.tokenJson(true).toString()).withFixedDelay(1_500)));

        Throwable failure = catchThrowable(() -> impatient.refresh(new RefreshToken("rt")));

        assertThat(failure).isInstanceOfSatisfying(ProviderUnavailable.class, e -> {
            assertThat(e).isNotInstanceOf(ProviderNotReached.class);
            assertThat(e.requestMayHaveBeenProcessed()).isTrue();
        });
        assertThat(stage.tokenCalls()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE", "MALFORMED_RESPONSE_CHUNK"})
    void aBrokenAnswerIsUnavailableAndInDoubt(Fault fault) {
        bank.stubFor(post(urlPathEqualTo(BankStage.TOKEN_PATH)).willReturn(aResponse().withFault(fault)));

        Throwable failure = catchThrowable(() -> adapter.refresh(new RefreshToken("rt")));

        assertThat(failure).isInstanceOfSatisfying(ProviderUnavailable.class,
                e -> assertThat(e.requestMayHaveBeenProcessed()).isTrue());
        assertThat(failure).isNotInstanceOf(ProviderNotReached.class);
    }

    @ParameterizedTest(name = "token answer {0}")
    @CsvSource(delimiter = '|', value = {
            "not json at all",
            "[1,2,3]",
            "{\"token_type\":\"Bearer\"}",
            "{\"access_token\":42}",
            "''"})
    void anUnusableTokenAnswerIsUnavailableAndInDoubt(String body) {
        bank.stubFor(post(urlPathEqualTo(BankStage.TOKEN_PATH)).willReturn(BankStage.json(200, body)));

        Throwable failure = catchThrowable(() -> adapter.refresh(new RefreshToken("rt")));

        assertThat(failure).isInstanceOfSatisfying(ProviderUnavailable.class,
                e -> assertThat(e.requestMayHaveBeenProcessed()).isTrue());
    }

    @Test
    void anAnswerLargerThanTheLimitIsUnavailable() {
        BankConsentProvider small = stage.adapter(stage.settings().maxResponseBytes(2_048).build());
        bank.stubFor(get(urlPathEqualTo(BankStage.ACCOUNTS_PATH))
                .willReturn(BankStage.json(200, "{\"accounts\":[], \"pad\":\"" + "x".repeat(10_000) + "\"}")));

        assertThat(catchThrowable(() -> small.accounts(TOKEN))).isInstanceOf(ProviderUnavailable.class)
                .hasMessageContaining("2048");
    }

    @Test
    void everyFailureIsOneOfTheApplicationsExceptions() {
        bank.stubFor(get(urlPathEqualTo(BankStage.ACCOUNTS_PATH)).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "https://elsewhere.example/")));

        assertThat(catchThrowable(() -> adapter.accounts(TOKEN))).isInstanceOf(ProviderException.class)
                .isInstanceOf(ProviderUnavailable.class);
    }

    @Test
    void aRejectedDataCallKeepsTheBanksErrorCodeOnly() {
        bank.stubFor(get(urlPathEqualTo(BankStage.ACCOUNTS_PATH))
                .willReturn(BankStage.json(400, BankStage.error("invalid_request", "pageSize must be 10, 20, ... or 100"))));

        assertThat(catchThrowable(() -> adapter.accounts(TOKEN))).isInstanceOfSatisfying(ProviderRejected.class,
                e -> assertThat(e.fieldErrors()).containsExactly(java.util.Map.entry("request", List.of("invalid_request"))));
    }
}
