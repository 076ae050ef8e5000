package io.consentgateway.it.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway must never echo: the bearer tokens the tests send and the authorization codes the sandbox
 * hands out. Every response of the gateway (not the sandbox) is checked against them and against anything
 * shaped like a JWT or named like a token.
 */
public final class Secrets {
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.");
    private static final Pattern TOKEN_NAMES = Pattern.compile("(?i)access_token|refresh_token|accessToken|refreshToken|\"code\"");

    private Secrets() {
    }

    public static void remember(String secret) {
        if (secret != null && secret.length() >= 8) {
            KNOWN.add(secret);
        }
    }

    /** Asserts that a response of the gateway (body and Location) contains no token, no code. */
    public static void assertNoneIn(Http.Response response) {
        String text = response.body() + "\n" + response.header("Location").orElse("");
        assertThat(JWT.matcher(text).find()).as("JWT-looking string in " + response.describe()).isFalse();
        assertThat(TOKEN_NAMES.matcher(response.body()).find()).as("token/code member in " + response.describe()).isFalse();
        for (String secret : KNOWN) {
            assertThat(text.contains(secret)).as("a token or code leaked in " + response.call()).isFalse();
        }
    }
}
