package io.consentgateway.sandbox.nrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.consentgateway.sandbox.NrichJourney;
import io.consentgateway.sandbox.TestSupport;
import io.consentgateway.sandbox.web.ControlResource;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NrichTokenLifecycleTest {

    private final NrichJourney nrich = new NrichJourney();

    private void advance(Duration by) {
        nrich.sandbox.clock().advance(by);
    }

    @Test
    void codeExchangeAnswersBearerTokensWithOfflineScopeForOngoingAccess() {
        JsonObject tokens = nrich.connect("anna");

        assertThat(tokens.getString("token_type")).isEqualTo("Bearer");
        assertThat(tokens.getInt("expires_in")).isEqualTo(3600);
        assertThat(tokens.getString("scope")).isEqualTo("accounts=ro balance=ro transactions=ro offline");
        assertThat(tokens.getString("access_token")).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(tokens.getString("refresh_token"));
    }

    @Test
    void oneTimeAccessScopeHasNoOffline() {
        String flow = nrich.flow(NrichFlowKind.ONE_TIME_ACCESS, "{\"redirect_uri\":\"" + NrichJourney.REDIRECT + "\"}");
        Response response = nrich.exchange(nrich.approve(flow).get("code"));

        assertThat(TestSupport.json(response).getString("scope")).isEqualTo("accounts=ro balance=ro transactions=ro");
    }

    @Test
    void aCodeIsSingleUse() {
        String code = nrich.approve(nrich.ongoingFlow("anna")).get("code");

        assertThat(nrich.exchange(code).getStatus()).isEqualTo(200);
        Response second = nrich.exchange(code);
        assertThat(second.getStatus()).isEqualTo(400);
        assertThat(TestSupport.json(second).getJsonObject("error").getString("description")).contains("already been used");
    }

    @Test
    void reusingACodeRevokesTheTokensItProduced() {
        String code = nrich.approve(nrich.ongoingFlow("anna")).get("code");
        JsonObject tokens = TestSupport.json(nrich.exchange(code));

        nrich.exchange(code);

        assertThat(nrich.accounts(tokens.getString("access_token")).getStatus()).isEqualTo(401);
        assertThat(nrich.refresh(tokens.getString("refresh_token")).getStatus()).isEqualTo(400);
    }

    @Test
    void aCodeIsValidForJustUnderOneHour() {
        String early = nrich.approve(nrich.ongoingFlow("anna")).get("code");
        String late = nrich.approve(nrich.ongoingFlow("ben")).get("code");

        advance(Duration.ofMinutes(59));
        assertThat(nrich.exchange(early).getStatus()).isEqualTo(200);
        advance(Duration.ofMinutes(1));
        Response expired = nrich.exchange(late);
        assertThat(expired.getStatus()).isEqualTo(400);
        assertThat(TestSupport.json(expired).getJsonObject("error").getString("description")).contains("expired");
    }

    @Test
    void theRedirectUriMustEqualTheFlowsOnExchange() {
        String code = nrich.approve(nrich.ongoingFlow("anna")).get("code");

        Response mismatch = nrich.token("{\"grant_type\":\"authorization_code\",\"code\":\"" + code
                + "\",\"redirect_uri\":\"https://app.example.com/callback/\"}");
        Response missing = nrich.token("{\"grant_type\":\"authorization_code\",\"code\":\"" + code + "\"}");

        assertThat(mismatch.getStatus()).isEqualTo(400);
        assertThat(TestSupport.json(mismatch).getJsonObject("error").getJsonObject("data").keySet()).contains("redirect_uri");
        assertThat(missing.getStatus()).isEqualTo(400);
        assertThat(nrich.exchange(code).getStatus()).as("a rejected attempt does not burn the code").isEqualTo(200);
    }

    @Test
    void anUnknownCodeOrGrantTypeIsRejectedWith400() {
        assertThat(nrich.exchange("no-such-code").getStatus()).isEqualTo(400);
        assertThat(nrich.token("{\"grant_type\":\"password\"}").getStatus()).isEqualTo(400);
        assertThat(nrich.token("[]").getStatus()).isEqualTo(400);
    }

    @Test
    void theTokenEndpointRequiresBasicClientAuthentication() {
        String code = nrich.approve(nrich.ongoingFlow("anna")).get("code");

        Response response = nrich.api.token(null,
                "{\"grant_type\":\"authorization_code\",\"code\":\"" + code + "\",\"redirect_uri\":\"" + NrichJourney.REDIRECT + "\"}");

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeaderString("WWW-Authenticate")).isEqualTo("Basic realm=\"nrich\"");
    }

    @Test
    void theTokenEndpointAlsoAcceptsAFormEncodedBody() {
        String code = nrich.approve(nrich.ongoingFlow("anna")).get("code");
        var form = new jakarta.ws.rs.core.MultivaluedHashMap<String, String>();
        form.putSingle("grant_type", "authorization_code");
        form.putSingle("code", code);
        form.putSingle("redirect_uri", NrichJourney.REDIRECT);

        assertThat(nrich.api.tokenForm(TestSupport.NRICH_BASIC, form).getStatus()).isEqualTo(200);
    }

    @Test
    void anAccessTokenIsValidForOneHour() {
        String access = nrich.connect("anna").getString("access_token");

        advance(Duration.ofMinutes(59));
        assertThat(nrich.accounts(access).getStatus()).isEqualTo(200);
        advance(Duration.ofMinutes(1));
        Response expired = nrich.accounts(access);
        assertThat(expired.getStatus()).isEqualTo(401);
        assertThat(expired.getHeaderString("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aRefreshRotatesTheRefreshToken() {
        JsonObject first = nrich.connect("anna");
        advance(Duration.ofHours(2));

        Response response = nrich.refresh(first.getString("refresh_token"));

        assertThat(response.getStatus()).isEqualTo(200);
        JsonObject second = TestSupport.json(response);
        assertThat(second.getString("refresh_token")).isNotEqualTo(first.getString("refresh_token"));
        assertThat(second.getString("scope")).endsWith(" offline");
        assertThat(nrich.accounts(second.getString("access_token")).getStatus()).isEqualTo(200);
        assertThat(nrich.refresh(second.getString("refresh_token")).getStatus()).isEqualTo(200);
    }

    @Test
    void reusingAnOldRefreshTokenRevokesTheWholeChain() {
        JsonObject first = nrich.connect("anna");
        JsonObject second = TestSupport.json(nrich.refresh(first.getString("refresh_token")));

        Response reuse = nrich.refresh(first.getString("refresh_token"));

        assertThat(reuse.getStatus()).isEqualTo(400);
        assertThat(TestSupport.json(reuse).getJsonObject("error").getString("description")).contains("revoked");
        assertThat(nrich.accounts(second.getString("access_token")).getStatus()).isEqualTo(401);
        assertThat(nrich.accounts(first.getString("access_token")).getStatus()).isEqualTo(401);
        assertThat(nrich.refresh(second.getString("refresh_token")).getStatus()).isEqualTo(400);
    }

    @Test
    void theControlApiCountsSpentCodesAndRefreshTokensPresentedAgain() {
        ControlResource control = new ControlResource(nrich.sandbox);
        JsonObject first = nrich.connect("anna");
        nrich.refresh(first.getString("refresh_token"));
        String code = nrich.approve(nrich.ongoingFlow("bert")).get("code");
        nrich.exchange(code);
        assertThat(TestSupport.json(control.reuse()).getJsonObject("nrich").getInt("codes")).isZero();

        nrich.refresh(first.getString("refresh_token"));
        nrich.exchange(code);
        nrich.exchange(code);

        JsonObject reuse = TestSupport.json(control.reuse());
        assertThat(reuse.getJsonObject("nrich").getInt("refreshTokens")).isEqualTo(1);
        assertThat(reuse.getJsonObject("nrich").getInt("codes")).isEqualTo(2);
        assertThat(reuse.getJsonObject("bank").getInt("codes")).isZero();
    }

    @Test
    void aRefreshTokenExpiresAfter90Days() {
        JsonObject tokens = nrich.connect("anna");
        JsonObject other = nrich.connect("ben");

        advance(Duration.ofDays(90).minusSeconds(1));
        assertThat(nrich.refresh(other.getString("refresh_token")).getStatus()).isEqualTo(200);
        advance(Duration.ofSeconds(1));
        assertThat(nrich.refresh(tokens.getString("refresh_token")).getStatus()).isEqualTo(400);
    }

    @Test
    void ongoingAccessIsRevokedAfter90DaysWithoutUserActivityEvenWhenRefreshed() {
        String refresh = nrich.connect("anna").getString("refresh_token");
        for (int i = 0; i < 2; i++) {
            advance(Duration.ofDays(30));
            Response r = nrich.refresh(refresh);
            assertThat(r.getStatus()).isEqualTo(200);
            refresh = TestSupport.json(r).getString("refresh_token");
        }

        advance(Duration.ofDays(30));
        Response lapsed = nrich.refresh(refresh);

        assertThat(lapsed.getStatus()).isEqualTo(400);
        assertThat(TestSupport.json(lapsed).getJsonObject("error").getString("description")).contains("without user activity");
    }

    @Test
    void aDataCallCountsAsUserActivity() {
        String refresh = nrich.connect("anna").getString("refresh_token");
        advance(Duration.ofDays(60));
        JsonObject renewed = TestSupport.json(nrich.refresh(refresh));
        assertThat(nrich.accounts(renewed.getString("access_token")).getStatus()).isEqualTo(200);

        advance(Duration.ofDays(60));

        assertThat(nrich.refresh(renewed.getString("refresh_token")).getStatus()).isEqualTo(200);
    }

    @Test
    void oneTimeDataIsGoneAfterOneHourAndItsRefreshTokenIsRefused() {
        String flow = nrich.flow(NrichFlowKind.ONE_TIME_ACCESS, "{\"redirect_uri\":\"" + NrichJourney.REDIRECT + "\"}");
        JsonObject tokens = TestSupport.json(nrich.exchange(nrich.approve(flow).get("code")));

        Response refresh = nrich.refresh(tokens.getString("refresh_token"));
        assertThat(refresh.getStatus()).isEqualTo(400);
        assertThat(TestSupport.json(refresh).getJsonObject("error").getString("description")).contains("One-time");
        advance(Duration.ofMinutes(59));
        assertThat(nrich.accounts(tokens.getString("access_token")).getStatus()).isEqualTo(200);
        advance(Duration.ofMinutes(1));
        assertThat(nrich.accounts(tokens.getString("access_token")).getStatus()).isEqualTo(401);
    }

    @Test
    void aMissingOrUnknownBearerTokenIsAnswered401() {
        assertThat(nrich.data.accounts(null).getStatus()).isEqualTo(401);
        assertThat(nrich.data.accounts("Basic abc").getStatus()).isEqualTo(401);
        assertThat(nrich.accounts("not-a-token").getStatus()).isEqualTo(401);
    }

    @Test
    void revokingAUserThroughTheControlApiEndsTheirAccess() {
        JsonObject tokens = nrich.connect("anna");
        JsonObject other = nrich.connect("ben");

        Response revoked = new ControlResource(nrich.sandbox).revoke("{\"provider\":\"nrich\",\"user\":\"anna\"}");

        assertThat(TestSupport.json(revoked).getInt("revoked")).isEqualTo(1);
        assertThat(nrich.accounts(tokens.getString("access_token")).getStatus()).isEqualTo(401);
        assertThat(nrich.refresh(tokens.getString("refresh_token")).getStatus()).isEqualTo(400);
        assertThat(nrich.accounts(other.getString("access_token")).getStatus()).isEqualTo(200);
    }

    @Test
    void tokensNeverAppearInErrorDescriptions() {
        JsonObject tokens = nrich.connect("anna");
        nrich.refresh(tokens.getString("refresh_token"));
        Response reuse = nrich.refresh(tokens.getString("refresh_token"));

        assertThat((String) reuse.getEntity()).doesNotContain(tokens.getString("refresh_token"));
        assertThat(Map.of("body", nrich.exchange("secret-code-value").getEntity()).toString()).doesNotContain("secret-code-value");
    }
}
