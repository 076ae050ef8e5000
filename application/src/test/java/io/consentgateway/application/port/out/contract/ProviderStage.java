package io.consentgateway.application.port.out.contract;

import io.consentgateway.application.port.out.ConsentProvider;
import io.consentgateway.application.port.out.ProviderFlow;
import io.consentgateway.domain.flow.State;

import java.util.Map;
import java.util.Optional;

/**
 * The provider's side of a {@link ConsentProviderContract} test, set up by each implementation in its own terms: a
 * WireMock server speaking the provider's documented payloads for a real adapter, the fake's controls for the fake.
 * The contract says what to stage in neutral words; the stage knows the provider's vocabulary.
 */
public interface ProviderStage {

    // ---- flows ----

    /** Whether the provider takes PKCE (RFC 7636): then every start must send an S256 challenge. */
    boolean usesPkce();

    /** Lets the next flow start succeed. */
    void flowStartSucceeds();

    /** What the provider was told when {@code started} was started, as read from the wire (URL or request body). */
    StartSeen startSeen(ProviderFlow started);

    /**
     * @param state               the state the provider received
     * @param redirectUri         the redirect URI the provider received
     * @param codeChallenge       the PKCE challenge it received, if any
     * @param codeChallengeMethod the PKCE method it received, if any
     */
    record StartSeen(String state, String redirectUri, Optional<String> codeChallenge, Optional<String> codeChallengeMethod) {
    }

    /** The query of the browser's callback after the user approved, carrying {@code code}. */
    Map<String, String> approvedCallback(State state, String code, ProviderFlow started);

    /** The query after the user cancelled or declined. */
    Map<String, String> cancelledCallback(State state, ProviderFlow started);

    /** The query after the provider reported a failure (not a cancellation). */
    Map<String, String> failedCallback(State state, ProviderFlow started);

    /** The query of an approval that names no code. */
    Map<String, String> approvedWithoutCode(State state, ProviderFlow started);

    /**
     * A callback with this flow's state that the provider nevertheless marks as another flow's (nrich's {@code flow_id}),
     * or empty where the provider's callback carries nothing but the state to tell flows apart.
     */
    Optional<Map<String, String>> callbackOfAnotherFlow(State state, ProviderFlow started);

    // ---- the token endpoint ----

    /** How the token endpoint answers from now on, for exchanges and refreshes alike. */
    void tokenEndpointAnswers(TokenAnswer answer);

    /** Token requests the provider received so far. */
    int tokenCalls();

    /** The tokens a {@link TokenAnswer#NEW_PAIR} or {@link TokenAnswer#ACCESS_ONLY} answer carries. */
    String issuedAccessToken();

    /** The refresh token a {@link TokenAnswer#NEW_PAIR} answer carries. */
    String issuedRefreshToken();

    /** The provider's token endpoint answers, in the provider's own terms. */
    enum TokenAnswer {
        /** A new access token and a new refresh token. */
        NEW_PAIR,
        /** A new access token and no refresh token. */
        ACCESS_ONLY,
        /** The grant (code or refresh token) is no longer valid: OAuth's 400 {@code invalid_grant}. */
        GRANT_INVALID,
        /** The provider does not accept this gateway's client authentication: 401 {@code invalid_client}. */
        CLIENT_REFUSED,
        /** 403. */
        FORBIDDEN,
        /** 404: the endpoint is not there. */
        NOT_FOUND,
        /** 500. */
        SERVER_ERROR,
        /** 503 with {@code Retry-After: 30}: the provider declines to handle the request for now. */
        OVERLOADED,
        /** The request arrives, and the connection is dropped without an answer. */
        NO_ANSWER
    }

    /** The same provider, configured to reach a port nobody listens on: no request can leave. */
    ConsentProvider unreachableProvider();

    // ---- data ----

    /**
     * Stages the accounts and transactions readable with {@code accessToken}: one account holding {@code count}
     * transactions, which the provider serves over several pages. Answers the account's id as the adapter reports it.
     */
    String accountWithTransactions(String accessToken, int count);

    /** Data calls with this access token are refused as unauthorized (HTTP 401: the token is expired or revoked). */
    void accessTokenRefused(String accessToken);
}
