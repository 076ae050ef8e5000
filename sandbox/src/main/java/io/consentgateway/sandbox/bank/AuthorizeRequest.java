package io.consentgateway.sandbox.bank;

/**
 * A validated authorization request ({@code GET /auth/oauth/v2/authorize}).
 *
 * @param codeChallenge the PKCE S256 challenge, or null when the client sent none
 */
public record AuthorizeRequest(String clientId, String redirectUri, String scope, String state, String codeChallenge) {
}
