package io.consentgateway.adapter.out.nrich;

import io.consentgateway.application.port.out.ProviderNotReached;
import io.consentgateway.application.port.out.CodeExchange;
import io.consentgateway.application.port.out.ProviderException;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.ProviderMisconfigured;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import io.consentgateway.application.port.out.TransactionFilter;
import io.consentgateway.domain.token.AuthorizationCode;
import io.consentgateway.domain.token.IssuedTokens;
import io.consentgateway.domain.token.RefreshToken;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The token endpoint: code exchange and refresh, their encodings and their failures. */
class NrichTokenWireFormatTest extends NrichWireMockTest {

    private static final String SEED_CODE = "eyJhbGciOiJIUzI1NiIsInR5cCI6Ikp...";

    private static CodeExchange seedExchange() {
        return new CodeExchange(new AuthorizationCode(SEED_CODE), REDIRECT, Optional.empty());
    }

    @Test
    void codeExchangeSendsTheSeedRequestAndMapsTheSeedAnswer() {
        nrich.stubFor(post("/auth/token").willReturn(jsonResponse(200, fixture("seeds/000_token.response.json"))));

        IssuedTokens tokens = adapter.exchangeCode(seedExchange());

        nrich.verify(1, postRequestedFor(urlEqualTo("/auth/token"))
                .withHeader("Content-Type", containing("application/json"))
                .withHeader("Authorization", equalTo(basicHeader()))
                .withRequestBody(equalToJson(fixture("seeds/000_token-exchange.request.json"), false, false)));
        assertThat(tokens.accessToken().reveal()).isEqualTo("AoFmNJLDTW8jQtGSJ1iZeeoLiwNZ2ihz3iiCHGpuvE439nppuY...");
        assertThat(tokens.refreshToken()).map(RefreshToken::reveal).contains("RTfI2WNyK78NozupDH9ai8GPRbjjdVsXPPt...");
        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(tokens.scope()).isEqualTo("accounts=ro balance=ro transactions=ro offline");
        assertThat(tokens.expiresIn()).contains(Duration.ofHours(1));
    }

    @Test
    void oneTimeSeedExchangeAndAnswerRoundTrip() {
        nrich.stubFor(post("/auth/token").willReturn(jsonResponse(200, fixture("seeds/002_token.response.json"))));

        IssuedTokens tokens = adapter.exchangeCode(new CodeExchange(
                new AuthorizationCode("eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9..."), REDIRECT, Optional.empty()));

        nrich.verify(postRequestedFor(urlEqualTo("/auth/token"))
                .withRequestBody(equalToJson(fixture("seeds/002_token-exchange.request.json"), false, false)));
        assertThat(tokens.scope()).isEqualTo("accounts=ro balance=ro transactions=ro").doesNotContain("offline");
    }

    @Test
    void redirectUriCanBeLeftOffTheExchangeByConfiguration() {
        nrich.stubFor(post("/auth/token").willReturn(jsonResponse(200, fixture("seeds/000_token.response.json"))));
        NrichConsentProvider withoutRedirect = adapter(settings().sendRedirectUriOnExchange(false).tokenRequestEncoding(NrichSettings.TokenRequestEncoding.JSON).build());

        withoutRedirect.exchangeCode(seedExchange());

        nrich.verify(postRequestedFor(urlEqualTo("/auth/token")).withRequestBody(
                equalToJson("{\"grant_type\":\"authorization_code\",\"code\":\"" + SEED_CODE + "\"}", false, false)));
    }

    @Test
    void tokenRequestCanBeFormEncodedByConfiguration() {
        nrich.stubFor(post("/auth/token").willReturn(jsonResponse(200, fixture("seeds/000_token.response.json"))));
        NrichConsentProvider form = adapter(settings().sendRedirectUriOnExchange(true).tokenRequestEncoding(NrichSettings.TokenRequestEncoding.FORM).build());

        IssuedTokens tokens = form.exchangeCode(seedExchange());

        nrich.verify(postRequestedFor(urlEqualTo("/auth/token"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withHeader("Authorization", equalTo(basicHeader()))
                .withFormParam("grant_type", equalTo("authorization_code"))
                .withFormParam("code", equalTo(SEED_CODE))
                .withFormParam("redirect_uri", equalTo("https://my-app.example.com/callback")));
        assertThat(tokens.accessToken().reveal()).startsWith("AoFmNJ");
    }

    @Test
    void refreshSendsTheRefreshGrantAndTakesTheRotatedRefreshToken() {
        nrich.stubFor(post("/auth/token").willReturn(jsonResponse(200,
                "{\"access_token\":\"new-access\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                        + "\"scope\":\"accounts=ro offline\",\"refresh_token\":\"rotated-refresh\"}")));

        IssuedTokens tokens = adapter.refresh(new RefreshToken("RTfI2WNyK78NozupDH9ai8GPRbjjdVsXPPt..."));

        nrich.verify(1, postRequestedFor(urlEqualTo("/auth/token"))
                .withHeader("Authorization", equalTo(basicHeader()))
                .withRequestBody(equalToJson(
                        "{\"grant_type\":\"refresh_token\",\"refresh_token\":\"RTfI2WNyK78NozupDH9ai8GPRbjjdVsXPPt...\"}",
                        false, false)));
        assertThat(tokens.refreshToken()).map(RefreshToken::reveal).contains("rotated-refresh");
        assertThat(tokens.accessToken().reveal()).isEqualTo("new-access");
    }

    @Test
    void refreshCanBeFormEncodedByConfiguration() {
        nrich.stubFor(post("/auth/token").willReturn(jsonResponse(200, "{\"access_token\":\"a\",\"refresh_token\":\"r2\"}")));

        adapter(settings().sendRedirectUriOnExchange(true).tokenRequestEncoding(NrichSettings.TokenRequestEncoding.FORM).build()).refresh(new RefreshToken("r1"));

        nrich.verify(postRequestedFor(urlEqualTo("/auth/token"))
                .withFormParam("grant_type", equalTo("refresh_token"))
                .withFormParam("refresh_token", equalTo("r1")));
    }

    @Test
    void missingExpiresInAndRefreshTokenAreEmptyNotAnError() {
        nrich.stubFor(post("/auth/token").willReturn(jsonResponse(200, "{\"access_token\":\"only-access\",\"extra\":1}")));

        IssuedTokens tokens = adapter.exchangeCode(seedExchange());

        assertThat(tokens.expiresIn()).isEmpty();
        assertThat(tokens.refreshToken()).isEmpty();
        assertThat(tokens.tokenType()).isEqualTo("Bearer");
    }

    @Test
    void expiresInSentAsAStringIsRead() {
        nrich.stubFor(post("/auth/token").willReturn(jsonResponse(200, "{\"access_token\":\"a\",\"expires_in\":\"1800\"}")));

        assertThat(adapter.exchangeCode(seedExchange()).expiresIn()).contains(Duration.ofMinutes(30));
    }

    @Test
    void tokenAnswerWithoutAccessTokenIsProviderUnavailable() {
        nrich.stubFor(post("/auth/token").willReturn(jsonResponse(200, "{\"token_type\":\"Bearer\"}")));

        assertThatThrownBy(() -> adapter.exchangeCode(seedExchange()))
                .isExactlyInstanceOf(ProviderUnavailable.class).hasMessageContaining("without an access token");
    }

    @Test
    void sixteenKilobyteAccessTokenIsExchangedAndThenSentAsBearer() {
        byte[] random = new byte[12 * 1024];
        new SecureRandom().nextBytes(random);
        String bigToken = Base64.getUrlEncoder().withoutPadding().encodeToString(random); // 16384 characters
        assertThat(bigToken).hasSize(16384);
        nrich.stubFor(post("/auth/token").willReturn(jsonResponse(200,
                "{\"access_token\":\"" + bigToken + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        nrich.stubFor(get(urlPathEqualTo("/rest/transactions")).willReturn(jsonResponse(200, "{\"transactions\":[]}")));

        IssuedTokens tokens = adapter.exchangeCode(seedExchange());
        adapter.transactions(tokens.accessToken(), TransactionFilter.all());

        assertThat(tokens.accessToken().reveal()).isEqualTo(bigToken);
        nrich.verify(1, getRequestedFor(urlPathEqualTo("/rest/transactions"))
                .withHeader("Authorization", equalTo("Bearer " + bigToken)));
    }

    @Test
    void badRequestFromTheTokenEndpointMeansTheUserMustReconnect() {
        nrich.stubFor(post("/auth/token").willReturn(jsonResponse(400,
                "{\"error\":{\"code\":1001,\"group\":\"client\",\"description\":\"code " + SEED_CODE + " is used\","
                        + "\"data\":{\"code\":\"invalid " + SEED_CODE + "\"}}}")));

        ReauthorizationRequired e = catchThrowableOfType(ReauthorizationRequired.class, () -> adapter.exchangeCode(seedExchange()));

        assertThat(e).hasMessageContaining("400").hasMessageNotContaining(SEED_CODE);
    }

    @Test
    void unauthorizedFromTheTokenEndpointIsThisGatewaysClientRefusedNeverAReconnect() {
        nrich.stubFor(post("/auth/token").willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Basic realm=\"nrich\"")));

        assertThatThrownBy(() -> adapter.refresh(new RefreshToken("old-refresh")))
                .isExactlyInstanceOf(ProviderMisconfigured.class)
                .hasMessageContaining("cg.nrich.client-id").hasMessageContaining("cg.nrich.client-secret")
                .hasMessageNotContaining("old-refresh").hasMessageNotContaining(CLIENT_SECRET);
        nrich.verify(1, postRequestedFor(urlEqualTo("/auth/token")));
    }

    @Test
    void aMissingTokenEndpointIsAConfigurationFault() {
        nrich.stubFor(post("/auth/token").willReturn(aResponse().withStatus(404)));

        assertThatThrownBy(() -> adapter.exchangeCode(seedExchange()))
                .isExactlyInstanceOf(ProviderMisconfigured.class).hasMessageContaining("cg.nrich.base-url")
                .hasMessageNotContaining(SEED_CODE);
    }

    @Test
    void serviceUnavailableOnCodeExchangeResultsInExactlyOneCall() {
        nrich.stubFor(post("/auth/token").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "30")));

        ProviderUnavailable e = catchThrowableOfType(ProviderUnavailable.class, () -> adapter.exchangeCode(seedExchange()));

        nrich.verify(1, postRequestedFor(urlEqualTo("/auth/token")));
        assertThat(e.requestMayHaveBeenProcessed()).as("nrich declined it: the code is not spent").isFalse();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(e).isNotInstanceOf(ProviderNotReached.class);
    }

    @Test
    void readTimeoutOnRefreshIsProviderUnavailableThatMayHaveBeenProcessed() {
        nrich.stubFor(post("/auth/token").willReturn(jsonResponse(200, "{\"access_token\":\"late\"}").withFixedDelay(3000)));
        NrichConsentProvider impatient = adapter(settings().connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofMillis(300)).build());

        ProviderUnavailable e = catchThrowableOfType(ProviderUnavailable.class, () -> impatient.refresh(new RefreshToken("r1")));

        assertThat(e).isNotInstanceOf(ProviderNotReached.class).hasMessageContaining("did not answer in time");
        assertThat(e.requestMayHaveBeenProcessed()).isTrue();
        nrich.verify(1, postRequestedFor(urlEqualTo("/auth/token")));
    }

    @Test
    void connectionRefusedIsProviderNotReachedWhichCertainlyNeverLeft() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        NrichConsentProvider nowhere = adapter(settings().baseUri(URI.create("http://127.0.0.1:" + closedPort)).build());

        ProviderUnavailable e = catchThrowableOfType(ProviderUnavailable.class, () -> nowhere.exchangeCode(seedExchange()));

        assertThat(e).isInstanceOf(ProviderNotReached.class).hasMessageContaining("could not be reached");
        assertThat(e.requestMayHaveBeenProcessed()).isFalse();
    }

    @Test
    void noFailureMessageCarriesTheCodeTheTokensTheSecretOrTheAuthorizationHeader() {
        String secretish = SEED_CODE + " " + CLIENT_SECRET + " " + basicHeader();
        nrich.stubFor(post("/auth/token").willReturn(jsonResponse(500, "{\"error\":{\"description\":\"" + secretish + "\"}}")));
        nrich.stubFor(get(urlPathEqualTo("/rest/accounts")).willReturn(jsonResponse(200, "{\"accounts\": [ " + SEED_CODE)));

        ProviderException tokenFailure = catchThrowableOfType(ProviderException.class, () -> adapter.exchangeCode(seedExchange()));
        ProviderException dataFailure = catchThrowableOfType(ProviderException.class,
                () -> adapter.accounts(new io.consentgateway.domain.token.AccessToken("access-" + SEED_CODE)));

        for (Throwable t : new Throwable[] {tokenFailure, dataFailure}) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                assertThat(String.valueOf(c.getMessage())).doesNotContain(SEED_CODE).doesNotContain(CLIENT_SECRET)
                        .doesNotContain("Basic ").doesNotContain("Bearer ");
            }
        }
    }
}
