package io.consentgateway.sandbox.bank;

import static org.assertj.core.api.Assertions.assertThat;

import io.consentgateway.sandbox.TestSupport;
import io.consentgateway.sandbox.core.BasicCredentials;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BankOAuthTest {

    private final BankJourney bank = new BankJourney();

    @Test
    void theAuthorizePageIsShownForAValidRequest() {
        Response page = bank.auth.authorize("demo-bank-client", "code", BankJourney.REDIRECT, "AISP", "st-9",
                BankJourney.CHALLENGE, "S256");

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(TestSupport.text(page)).contains("id=\"approve\"", "id=\"deny\"", "name=\"user\"", "AISP");
    }

    @Test
    void anUnknownClientOrABadRedirectUriIsShownAndNeverRedirected() {
        Response unknownClient = bank.auth.authorize("someone", "code", BankJourney.REDIRECT, "AISP", "s", null, null);
        Response badRedirect = bank.auth.authorize("demo-bank-client", "code", "javascript:alert(1)", "AISP", "s", null, null);

        assertThat(unknownClient.getStatus()).isEqualTo(400);
        assertThat(unknownClient.getLocation()).isNull();
        assertThat(badRedirect.getStatus()).isEqualTo(400);
    }

    @Test
    void aWrongResponseTypeScopeOrChallengeMethodIsRedirectedAsAnOAuthError() {
        Map<String, String> responseType = TestSupport.query(bank.auth.authorize("demo-bank-client", "token",
                BankJourney.REDIRECT, "AISP", "s1", null, null).getLocation());
        Map<String, String> scope = TestSupport.query(bank.auth.authorize("demo-bank-client", "code",
                BankJourney.REDIRECT, "PISP", "s2", null, null).getLocation());
        Map<String, String> plain = TestSupport.query(bank.auth.authorize("demo-bank-client", "code",
                BankJourney.REDIRECT, "AISP", "s3", BankJourney.CHALLENGE, "plain").getLocation());

        assertThat(responseType).containsEntry("error", "unsupported_response_type").containsEntry("state", "s1");
        assertThat(scope).containsEntry("error", "invalid_scope").containsEntry("state", "s2");
        assertThat(plain).containsEntry("error", "invalid_request").containsEntry("state", "s3");
    }

    @Test
    void denyingRedirectsWithAccessDeniedAndTheState() {
        Response response = bank.decide("deny", "demo-user", null);

        assertThat(response.getStatus()).isEqualTo(303);
        Map<String, String> query = TestSupport.query(response.getLocation());
        assertThat(query.keySet()).containsExactly("error", "error_description", "state");
        assertThat(query).containsEntry("error", "access_denied").containsEntry("state", "st-9");
    }

    @Test
    void approvingRedirectsWithCodeAndState() {
        Map<String, String> query = bank.approve("demo-user", null);

        assertThat(query.keySet()).containsExactly("code", "state");
        assertThat(query.get("state")).isEqualTo("st-9");
    }

    @Test
    void anInvalidLoginNameIsRefusedOnTheConsentPage() {
        assertThat(bank.decide("approve", "no spaces allowed", null).getStatus()).isEqualTo(400);
        assertThat(bank.decide("approve", "", null).getStatus()).isEqualTo(400);
    }

    @Test
    void theCodeExchangeWithTheRightVerifierAnswersTokensWithA90DayConsent() {
        JsonObject tokens = bank.connect("demo-user");

        assertThat(tokens.getString("token_type")).isEqualTo("Bearer");
        assertThat(tokens.getInt("expires_in")).isEqualTo(3600);
        assertThat(tokens.getJsonNumber("refresh_token_expires_in").longValue()).isEqualTo(Duration.ofDays(90).toSeconds());
        assertThat(tokens.getString("scope")).isEqualTo("AISP");
    }

    @Test
    void aPkceVerifierThatDoesNotMatchTheChallengeIsRejected() {
        String code = bank.approve("demo-user", BankJourney.CHALLENGE).get("code");

        Response wrong = bank.exchange(code, BankJourney.REDIRECT, "x".repeat(43));
        Response missing = bank.exchange(code, BankJourney.REDIRECT, null);

        assertThat(wrong.getStatus()).isEqualTo(400);
        assertThat(TestSupport.json(wrong).getString("error")).isEqualTo("invalid_grant");
        assertThat(missing.getStatus()).isEqualTo(400);
        assertThat(bank.exchange(code, BankJourney.REDIRECT, BankJourney.VERIFIER).getStatus()).isEqualTo(200);
    }

    @Test
    void theRedirectUriMustMatchTheAuthorizeOneByteForByte() {
        String code = bank.approve("demo-user", null).get("code");

        Response slash = bank.exchange(code, BankJourney.REDIRECT + "/", null);
        Response upper = bank.exchange(code, BankJourney.REDIRECT.replace("localhost", "LOCALHOST"), null);
        Response missing = bank.exchange(code, null, null);

        assertThat(slash.getStatus()).isEqualTo(400);
        assertThat(TestSupport.json(slash).getString("error")).isEqualTo("invalid_grant");
        assertThat(upper.getStatus()).isEqualTo(400);
        assertThat(TestSupport.json(missing).getString("error")).isEqualTo("invalid_request");
    }

    @Test
    void aBankCodeIsSingleUseAndExpiresAfterTenMinutes() {
        String code = bank.approve("demo-user", null).get("code");
        String late = bank.approve("demo-user", null).get("code");

        assertThat(bank.exchange(code, BankJourney.REDIRECT, null).getStatus()).isEqualTo(200);
        assertThat(bank.exchange(code, BankJourney.REDIRECT, null).getStatus()).isEqualTo(400);
        bank.sandbox.clock().advance(Duration.ofMinutes(10));
        assertThat(TestSupport.json(bank.exchange(late, BankJourney.REDIRECT, null)).getString("error_description"))
                .contains("expired");
    }

    @Test
    void theTokenEndpointRequiresBasicClientAuthentication() {
        var form = new MultivaluedHashMap<String, String>();
        form.putSingle("grant_type", "refresh_token");
        form.putSingle("refresh_token", "x");

        Response none = bank.auth.token(null, form);
        Response wrong = bank.auth.token(BasicCredentials.header("demo-bank-client", "nope"), form);

        assertThat(none.getStatus()).isEqualTo(401);
        assertThat(none.getHeaderString("WWW-Authenticate")).isEqualTo("Basic realm=\"bank\"");
        assertThat(TestSupport.json(none).getString("error")).isEqualTo("invalid_client");
        assertThat(wrong.getStatus()).isEqualTo(401);
    }

    @Test
    void repeatedParametersAndUnknownGrantTypesAreRejected() {
        var repeated = new MultivaluedHashMap<String, String>();
        repeated.put("grant_type", List.of("refresh_token", "refresh_token"));
        var unknown = new MultivaluedHashMap<String, String>();
        unknown.putSingle("grant_type", "client_credentials");

        assertThat(TestSupport.json(bank.auth.token(TestSupport.BANK_BASIC, repeated)).getString("error")).isEqualTo("invalid_request");
        assertThat(TestSupport.json(bank.auth.token(TestSupport.BANK_BASIC, unknown)).getString("error")).isEqualTo("unsupported_grant_type");
    }

    @Test
    void refreshRotatesAndReusingAnOldRefreshTokenRevokesTheConsent() {
        JsonObject first = bank.connect("demo-user");
        JsonObject second = TestSupport.json(bank.refresh(first.getString("refresh_token")));
        assertThat(bank.accounts(second.getString("access_token")).getStatus()).isEqualTo(200);

        Response reuse = bank.refresh(first.getString("refresh_token"));

        assertThat(reuse.getStatus()).isEqualTo(400);
        assertThat(TestSupport.json(reuse).getString("error")).isEqualTo("invalid_grant");
        assertThat(bank.accounts(second.getString("access_token")).getStatus()).isEqualTo(401);
        assertThat(bank.refresh(second.getString("refresh_token")).getStatus()).isEqualTo(400);
    }

    @Test
    void theConsentEnds90DaysAfterAuthorizationHoweverOftenItIsRefreshed() {
        String refresh = bank.connect("demo-user").getString("refresh_token");
        for (int i = 0; i < 3; i++) {
            bank.sandbox.clock().advance(Duration.ofDays(29));
            JsonObject tokens = TestSupport.json(bank.refresh(refresh));
            refresh = tokens.getString("refresh_token");
        }
        bank.sandbox.clock().advance(Duration.ofDays(3));

        Response lapsed = bank.refresh(refresh);

        assertThat(lapsed.getStatus()).isEqualTo(400);
        assertThat(TestSupport.json(lapsed).getString("error")).isEqualTo("invalid_grant");
    }
}
