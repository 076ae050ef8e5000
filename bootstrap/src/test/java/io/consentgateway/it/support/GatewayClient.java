package io.consentgateway.it.support;

import java.net.http.HttpRequest;

/**
 * The gateway's REST API as one signed-in user calls it. Every answer is checked for leaked tokens and codes.
 */
public final class GatewayClient {
    private final String user;
    private final String token;

    private GatewayClient(String user, String token) {
        this.user = user;
        this.token = token;
    }

    /** Signs a fresh, unique user in at the sandbox's demo identity provider. */
    public static GatewayClient newUser(String prefix) {
        String user = Sandbox.uniqueUser(prefix);
        return new GatewayClient(user, Sandbox.tokenFor(user));
    }

    /** A client whose token names {@code upn} (a name some identity providers let users change or reuse) beside a subject. */
    public static GatewayClient withName(String subject, String upn) {
        Http.Response response = Http.postForm("/sandbox/idp/token", java.util.Map.of("user", subject, "upn", upn)).expect(200);
        String token = response.json().getString("access_token");
        Secrets.remember(token);
        return new GatewayClient(subject, token);
    }

    /** An operator of the gateway: a token whose groups claim is ["operator"] (the admin API). */
    public static GatewayClient operator() {
        String user = Sandbox.uniqueUser("operator");
        Http.Response response = Http.postForm("/sandbox/idp/token", java.util.Map.of("user", user, "group", "operator"))
                .expect(200);
        String token = response.json().getString("access_token");
        Secrets.remember(token);
        return new GatewayClient(user, token);
    }

    /** A client whose token has a valid signature and issuer but no {@code sub} claim. */
    public static GatewayClient withoutSubject(String upn) {
        Http.Response response = Http.postForm("/sandbox/idp/token",
                java.util.Map.of("user", upn, "subject", "omit")).expect(200);
        String token = response.json().getString("access_token");
        Secrets.remember(token);
        return new GatewayClient(upn, token);
    }

    public String user() {
        return user;
    }

    public Http.Response get(String path) {
        return send(Http.request(path).GET());
    }

    public Http.Response post(String path, String json) {
        return send(Http.request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Http.Response delete(String path) {
        return send(Http.request(path).DELETE());
    }

    /** Any request, sent as this user (its bearer token and {@code Accept: application/json} are added). */
    public Http.Response send(HttpRequest.Builder request) {
        return checked(request.header("Authorization", "Bearer " + token).header("Accept", "application/json"));
    }

    /**
     * Any request as this user, without the scan for secrets in the answer: for requests the server itself refuses
     * before any application sees them (a URI it cannot decode), whose own error page the scan would misread.
     */
    public Http.Response sendUnscanned(HttpRequest.Builder request) {
        return Http.send(request.header("Authorization", "Bearer " + token).header("Accept", "application/json").build());
    }

    /** A call to the gateway without any bearer token. */
    public static Http.Response anonymous(HttpRequest.Builder request) {
        return checked(request);
    }

    private static Http.Response checked(HttpRequest.Builder request) {
        Http.Response response = Http.send(request.build());
        Secrets.assertNoneIn(response);
        return response;
    }
}
