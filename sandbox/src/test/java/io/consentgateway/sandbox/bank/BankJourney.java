package io.consentgateway.sandbox.bank;

import io.consentgateway.sandbox.web.BankApiResource;
import io.consentgateway.sandbox.web.BankAuthResource;
import static org.assertj.core.api.Assertions.assertThat;

import io.consentgateway.sandbox.Sandbox;
import io.consentgateway.sandbox.TestSupport;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Drives the bank simulator through its resources. */
final class BankJourney {

    static final String REDIRECT = BankSimulatorSettings.DEMO_CALLBACK;
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    static final String REQUEST_ID = "3f1c9a3e-8b7d-4c2a-9e5f-1a2b3c4d5e6f";

    final Sandbox sandbox;
    final BankAuthResource auth;
    final BankApiResource api;

    BankJourney() {
        this.sandbox = TestSupport.sandbox();
        this.auth = new BankAuthResource(sandbox);
        this.api = new BankApiResource(sandbox);
    }

    Response decide(String action, String user, String challenge) {
        return auth.decide("demo-bank-client", "code", REDIRECT, "AISP", "st-9", challenge,
                challenge == null ? null : "S256", action, user);
    }

    /** The user approves; answers the callback's query. */
    Map<String, String> approve(String user, String challenge) {
        Response response = decide("approve", user, challenge);
        assertThat(response.getStatus()).isEqualTo(303);
        return TestSupport.query(response.getLocation());
    }

    Response exchange(String code, String redirectUri, String verifier) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("grant_type", "authorization_code");
        form.putSingle("code", code);
        if (redirectUri != null) {
            form.putSingle("redirect_uri", redirectUri);
        }
        if (verifier != null) {
            form.putSingle("code_verifier", verifier);
        }
        return auth.token(TestSupport.BANK_BASIC, form);
    }

    Response refresh(String refreshToken) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("grant_type", "refresh_token");
        form.putSingle("refresh_token", refreshToken);
        return auth.token(TestSupport.BANK_BASIC, form);
    }

    /** Authorize with PKCE, approve and exchange: the token response. */
    JsonObject connect(String user) {
        String code = approve(user, CHALLENGE).get("code");
        Response response = exchange(code, REDIRECT, VERIFIER);
        assertThat(response.getStatus()).as("%s", response.getEntity()).isEqualTo(200);
        return TestSupport.json(response);
    }

    Response accounts(String accessToken) {
        return api.accounts("Bearer " + accessToken, REQUEST_ID, null, null, null);
    }

    Response accounts(String accessToken, String page, String pageSize) {
        return api.accounts("Bearer " + accessToken, REQUEST_ID, page, pageSize, null);
    }

    String authorizedAccessToken() {
        return connect("demo-user").getString("access_token");
    }

    Response transactions(String accessToken, String body) {
        return api.transactions("Bearer " + accessToken, REQUEST_ID, body);
    }
}
