package io.consentgateway.sandbox.nrich;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error the nrich simulator answers with: HTTP status, the provider's numeric code, a
 * description and field errors. Rendered as
 * {@code {"error":{"code":1000,"group":"client","description":"...","data":{...}}}}.
 * <p>
 * Messages never contain a token, a code or a secret. No stack trace is captured: these are
 * expected outcomes, not bugs.
 */
public final class NrichError extends RuntimeException {

    /** Which {@code WWW-Authenticate} challenge a 401 carries. */
    public enum Challenge { NONE, BASIC, BEARER }

    public static final int CODE_BAD_REQUEST = 1000;
    public static final int CODE_UNAUTHORIZED = 1001;
    public static final int CODE_FORBIDDEN = 1003;
    public static final int CODE_NOT_FOUND = 1004;

    private final int status;
    private final int code;
    private final Map<String, String> data;
    private final Challenge challenge;

    private NrichError(int status, int code, String description, Map<String, String> data, Challenge challenge) {
        super(description, null, false, false);
        this.status = status;
        this.code = code;
        this.data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
        this.challenge = challenge;
    }

    public static NrichError badRequest(String description, Map<String, String> fieldErrors) {
        return new NrichError(400, CODE_BAD_REQUEST, description, fieldErrors, Challenge.NONE);
    }

    public static NrichError badRequest(String description) {
        return badRequest(description, Map.of());
    }

    /** The token endpoint's answer to a bad, used or expired code or refresh token. */
    public static NrichError invalidGrant(String description) {
        return badRequest(description, Map.of("grant", "invalid_grant"));
    }

    public static NrichError clientUnauthorized() {
        return new NrichError(401, CODE_UNAUTHORIZED, "Client authentication failed", Map.of(), Challenge.BASIC);
    }

    public static NrichError invalidToken() {
        return new NrichError(401, CODE_UNAUTHORIZED, "The access token is invalid, expired or revoked", Map.of(), Challenge.BEARER);
    }

    public static NrichError forbidden(String description) {
        return new NrichError(403, CODE_FORBIDDEN, description, Map.of(), Challenge.NONE);
    }

    public static NrichError notFound(String description) {
        return new NrichError(404, CODE_NOT_FOUND, description, Map.of(), Challenge.NONE);
    }

    public int status() {
        return status;
    }

    public int code() {
        return code;
    }

    public String description() {
        return getMessage();
    }

    public Map<String, String> data() {
        return data;
    }

    public Challenge challenge() {
        return challenge;
    }
}
