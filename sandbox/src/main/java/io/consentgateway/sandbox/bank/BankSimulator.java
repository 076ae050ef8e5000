package io.consentgateway.sandbox.bank;

import io.consentgateway.sandbox.core.BasicCredentials;
import io.consentgateway.sandbox.core.SandboxClock;
import io.consentgateway.sandbox.core.Secrets;
import io.consentgateway.sandbox.core.TokenAuthority;
import io.consentgateway.sandbox.core.TokenAuthority.GrantSpec;
import io.consentgateway.sandbox.core.TokenAuthority.GrantView;
import io.consentgateway.sandbox.core.TokenAuthority.IssuedTokens;
import io.consentgateway.sandbox.core.TokenAuthority.Rejected;
import io.consentgateway.sandbox.core.Uris;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The bank simulator's engine: a strict OAuth 2.0 authorization-code server (RFC 6749) with
 * PKCE S256 (RFC 7636), rotating refresh tokens with reuse detection, and a consent that ends
 * 90 days after authorization. Plain Java; thread-safe.
 */
public final class BankSimulator {

    public static final String SCOPE = "AISP";
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    /** The token endpoint's answer. */
    public record TokenResponse(String accessToken, long expiresIn, String refreshToken, long refreshTokenExpiresIn) {
        @Override
        public String toString() {
            return "TokenResponse[accessToken=***, expiresIn=" + expiresIn + ", refreshToken=***]";
        }
    }

    private record CodeContext(AuthorizeRequest request, String user) {
    }

    private final SandboxClock clock;
    private final BankSimulatorSettings settings;
    private final TokenAuthority<CodeContext, BankGrant> authority;

    public BankSimulator(SandboxClock clock, BankSimulatorSettings settings, Secrets secrets) {
        this.clock = clock;
        this.settings = settings;
        this.authority = new TokenAuthority<>(clock, secrets);
    }

    public BankSimulatorSettings settings() {
        return settings;
    }

    /**
     * Validates {@code GET /auth/oauth/v2/authorize}. An unknown client or a bad redirect URI is
     * shown as an error page; every other error is redirected to the client.
     */
    public AuthorizeRequest validateAuthorize(String clientId, String responseType, String redirectUri, String scope,
                                              String state, String codeChallenge, String codeChallengeMethod) {
        if (clientId == null || !clientId.equals(settings.clientId())) {
            throw new AuthorizeError("Unknown client_id", null);
        }
        if (!Uris.isAbsoluteHttpUri(redirectUri)) {
            throw new AuthorizeError("redirect_uri must be an absolute http(s) URI without fragment", null);
        }
        if (!settings.redirectUris().isEmpty() && !settings.redirectUris().contains(redirectUri)) {
            throw new AuthorizeError("redirect_uri is not registered for this client", null);
        }
        if (!"code".equals(responseType)) {
            throw redirectError(redirectUri, state, "unsupported_response_type", "response_type must be code");
        }
        if (!SCOPE.equals(scope)) {
            throw redirectError(redirectUri, state, "invalid_scope", "scope must be AISP");
        }
        if (codeChallenge == null && codeChallengeMethod != null) {
            throw redirectError(redirectUri, state, "invalid_request", "code_challenge_method without code_challenge");
        }
        if (codeChallenge != null) {
            if (!"S256".equals(codeChallengeMethod)) {
                throw redirectError(redirectUri, state, "invalid_request", "code_challenge_method must be S256");
            }
            if (!Pkce.isWellFormed(codeChallenge)) {
                throw redirectError(redirectUri, state, "invalid_request", "code_challenge is malformed");
            }
        }
        return new AuthorizeRequest(clientId, redirectUri, scope, state, codeChallenge);
    }

    /** Whether a login name is acceptable on the consent page. */
    public static boolean isValidUser(String user) {
        return user != null && USER.matcher(user).matches();
    }

    /** The user consented: a code goes back to the client ({@code code}, {@code state}). */
    public URI approve(AuthorizeRequest request, String user) {
        if (!isValidUser(user)) {
            throw new IllegalArgumentException("user must be 1-64 characters of A-Z a-z 0-9 . _ @ -");
        }
        String code = authority.issueCode(new CodeContext(request, user), settings.codeLifetime());
        Map<String, String> query = new LinkedHashMap<>();
        query.put("code", code);
        if (request.state() != null) {
            query.put("state", request.state());
        }
        return Uris.withQuery(request.redirectUri(), query);
    }

    /** The user refused: {@code error=access_denied}. */
    public URI deny(AuthorizeRequest request) {
        return redirectError(request.redirectUri(), request.state(), "access_denied", "The user denied the request").redirect();
    }

    /** Checks the client's Basic authentication; 401 {@code invalid_client} otherwise. */
    public void authenticateClient(String authorizationHeader) {
        if (!BasicCredentials.matches(authorizationHeader, settings.clientId(), settings.clientSecret())) {
            throw BankError.invalidClient();
        }
    }

    /**
     * {@code POST /auth/oauth/v2/token}. Parameters must not repeat (RFC 6749 §3.2).
     */
    public TokenResponse token(Map<String, List<String>> form) {
        for (Map.Entry<String, List<String>> p : form.entrySet()) {
            if (p.getValue().size() > 1) {
                throw BankError.invalidRequest("parameter " + p.getKey() + " must not be repeated");
            }
        }
        String grantType = single(form, "grant_type");
        if (grantType == null) {
            throw BankError.invalidRequest("grant_type is required");
        }
        return switch (grantType) {
            case "authorization_code" -> exchange(single(form, "code"), single(form, "redirect_uri"),
                    single(form, "code_verifier"));
            case "refresh_token" -> refresh(single(form, "refresh_token"));
            default -> throw BankError.unsupportedGrantType();
        };
    }

    private TokenResponse exchange(String code, String redirectUri, String codeVerifier) {
        if (code == null) {
            throw BankError.invalidRequest("code is required");
        }
        if (redirectUri == null) {
            throw BankError.invalidRequest("redirect_uri is required");
        }
        try {
            return response(authority.redeemCode(code, context -> {
                // Byte for byte, as RFC 6749 §4.1.3 requires: no normalisation.
                if (!redirectUri.equals(context.request().redirectUri())) {
                    throw BankError.invalidGrant("redirect_uri does not match the authorization request");
                }
                String challenge = context.request().codeChallenge();
                if (challenge != null && !Pkce.verifies(codeVerifier, challenge)) {
                    throw BankError.invalidGrant("code_verifier does not match the code_challenge");
                }
                if (challenge == null && codeVerifier != null) {
                    throw BankError.invalidGrant("code_verifier sent but no code_challenge was given");
                }
                return new GrantSpec<>(context.user(), new BankGrant(context.user()), true,
                        settings.accessTokenLifetime(), settings.consentLifetime(), settings.consentLifetime(), null);
            }));
        } catch (Rejected rejected) {
            throw BankError.invalidGrant(switch (rejected.reason()) {
                case EXPIRED -> "The authorization code has expired";
                case ALREADY_USED -> "The authorization code has already been used";
                default -> "The authorization code is invalid";
            });
        }
    }

    private TokenResponse refresh(String refreshToken) {
        if (refreshToken == null) {
            throw BankError.invalidRequest("refresh_token is required");
        }
        try {
            return response(authority.refresh(refreshToken));
        } catch (Rejected rejected) {
            throw BankError.invalidGrant(switch (rejected.reason()) {
                case EXPIRED -> "The consent has expired";
                case ALREADY_USED -> "The refresh token has already been used: the consent has been revoked";
                case REVOKED -> "The consent has been revoked";
                default -> "The refresh token is invalid";
            });
        }
    }

    /** Checks the bearer token of a data call. */
    public GrantView<BankGrant> authorize(String accessToken) {
        try {
            return authority.authorize(accessToken, true);
        } catch (Rejected rejected) {
            throw BankError.invalidToken();
        }
    }

    public int revokeUser(String user) {
        return authority.revokeSubject(user);
    }

    /** Whether the user with this login name has consented since the last reset, revoked or ended consents included. */
    public boolean hasGrantFor(String user) {
        return authority.hasGrant(grant -> grant.user().equals(user));
    }

    public List<GrantView<BankGrant>> activeGrants() {
        return authority.activeGrants();
    }

    /** Spent codes and refresh tokens presented again (each also revoked its grant). */
    public TokenAuthority.Reuse reuse() {
        return authority.reuse();
    }

    public void reset() {
        authority.reset();
    }

    private TokenResponse response(IssuedTokens<BankGrant> issued) {
        Instant now = clock.instant();
        return new TokenResponse(issued.accessToken(), issued.accessLifetime().toSeconds(), issued.refreshToken(),
                Math.max(0, Duration.between(now, issued.refreshExpiresAt()).toSeconds()));
    }

    private static String single(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }

    private static AuthorizeError redirectError(String redirectUri, String state, String error, String description) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("error", error);
        query.put("error_description", description);
        if (state != null) {
            query.put("state", state);
        }
        return new AuthorizeError(description, Uris.withQuery(redirectUri, query));
    }
}
