package io.consentgateway.adapter.in.rest.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The two request headers the JAX-RS runtime reads before any resource does, checked first, so that a malformed one
 * is the client's 4xx and not the runtime's failure (a 500): an {@code Accept} with a {@code q} that is no number from
 * 0 to 1 ({@code *}{@code /*;q=abc}) is a 400, a {@code Content-Type} naming a charset this server does not know
 * ({@code charset=bogus}) a 415. Neither header's value is repeated in the answer.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public class RequestHeaderCheck implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        for (String accept : request.getHeaders().getOrDefault(HttpHeaders.ACCEPT, List.of())) {
            for (String range : accept.split(",")) {
                parameter(range, "q").filter(q -> !isQValue(q)).ifPresent(q -> {
                    throw new MalformedHeader(HttpHeaders.ACCEPT + ": a q value must be a number from 0 to 1, such as 0.8");
                });
            }
        }
        Optional.ofNullable(request.getHeaderString(HttpHeaders.CONTENT_TYPE))
                .flatMap(type -> parameter(type, "charset"))
                .filter(charset -> !isKnownCharset(charset))
                .ifPresent(charset -> {
                    throw new UnknownCharset();
                });
    }

    /** The value of parameter {@code name} of a media type or range ({@code text/html;q=0.8}), unquoted. */
    static Optional<String> parameter(String mediaType, String name) {
        String[] parts = mediaType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].split("=", 2);
            if (pair.length == 2 && pair[0].strip().toLowerCase(Locale.ROOT).equals(name)) {
                String value = pair[1].strip();
                return Optional.of(value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1) : value);
            }
        }
        return Optional.empty();
    }

    private static boolean isQValue(String q) {
        try {
            float value = Float.parseFloat(q);
            return value >= 0 && value <= 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isKnownCharset(String name) {
        try {
            return Charset.isSupported(name);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    /** A header the runtime could not read: a 400 that names the header and what it must hold. */
    public static final class MalformedHeader extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedHeader(String what) {
            super("The request has a malformed header: " + what + ".");
        }
    }

    /** The body's charset is not one this server knows: a 415. */
    public static final class UnknownCharset extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownCharset() {
            super("The Content-Type names a charset this server does not know. Send application/json in UTF-8.");
        }
    }
}
