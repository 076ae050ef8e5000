package io.consentgateway.adapter.out.nrich.http;

import io.consentgateway.application.port.out.ProviderException;
import io.consentgateway.application.port.out.ProviderMisconfigured;
import io.consentgateway.application.port.out.ProviderRejected;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Translates everything that can go wrong on a call to nrich into the application's four exceptions
 * ({@link ReauthorizationRequired}, {@link ProviderRejected}, {@link ProviderMisconfigured}, {@link ProviderUnavailable}).
 * Messages name the endpoint group, the status and nrich's error code, never a token, a code, the client secret, a header
 * or nrich's free text; causes are not chained (a parser's message may quote the body, which may hold a token).
 */
public final class NrichFailures {

    private NrichFailures() {
    }

    /**
     * The exception for an HTTP answer with an error status. 429/503 become {@link ProviderBusy} (not retried by
     * the reads) when they ask to wait longer than the reads' retry delay, else {@link ProviderUnavailable}.
     */
    public static ProviderException fromStatus(Endpoint endpoint, int status, String retryAfterHeader, NrichErrorBody body,
                                               Clock clock) {
        String what = "nrich " + endpoint.label() + " answered HTTP " + status + body.code().map(c -> " (error code " + c + ")").orElse("");
        if (status == 429 || status == 503) {
            Optional<Duration> wait = retryAfter(retryAfterHeader, clock);
            return ProviderBusy.asksToBackOff(status, wait)
                    ? new ProviderBusy(what, wait)
                    : new ProviderUnavailable(what, wait, true, null);
        }
        if (status >= 500 || status == 408) {
            return new ProviderUnavailable(what, Optional.empty(), true, null);
        }
        if (status < 400) {
            return new ProviderUnavailable(what + ": an unexpected redirect or informational answer",
                    Optional.empty(), true, null);
        }
        return switch (endpoint) {
            case TOKEN -> tokenRefusal(status, what, body);
            case FLOW -> status == 401 || status == 403 || status == 404
                    ? misconfigured(status, endpoint, what)
                    : new ProviderRejected(what, body.fieldErrors());
            case DATA -> status == 401
                    ? new ReauthorizationRequired(what + ": the access token was refused")
                    : status == 403
                    ? misconfigured(status, endpoint, what)
                    : new ProviderRejected(what, body.fieldErrors());
        };
    }

    /**
     * The token endpoint, read as RFC 6749 §5.2 has it: a 400 is the grant's refusal ({@code invalid_grant}; nrich
     * publishes no finer codes, so every 400 means the code or the refresh token is gone), a 401 the client's
     * ({@code invalid_client}), a 403 or 404 this gateway's configuration. Other 4xx are a rejected request.
     */
    private static ProviderException tokenRefusal(int status, String what, NrichErrorBody body) {
        if (status == 400) {
            return new ReauthorizationRequired(what + ": the grant was refused, the user must connect again");
        }
        if (status == 401 || status == 403 || status == 404) {
            return misconfigured(status, Endpoint.TOKEN, what);
        }
        return new ProviderRejected(what, body.fieldErrors());
    }

    /** nrich refuses this gateway itself: the operator's matter, with the keys to check. */
    private static ProviderMisconfigured misconfigured(int status, Endpoint endpoint, String what) {
        if (status == 404) {
            return new ProviderMisconfigured(what + ": the endpoint is missing: check cg.nrich.base-url");
        }
        if (endpoint == Endpoint.DATA) {
            // Data calls carry the user's token, not the client's: a 403 is this client's entitlement.
            return new ProviderMisconfigured(what + ": nrich forbids this gateway's client the data: check the "
                    + "client's entitlements with nrich (cg.nrich.client-id)");
        }
        return new ProviderMisconfigured(what + ": nrich refused this gateway's client credentials: check "
                + "cg.nrich.client-id and cg.nrich.client-secret");
    }

    /** The exception for anything thrown while calling: the client's own, a processing error, a timeout. */
    public static ProviderException fromThrowable(Endpoint endpoint, Throwable failure) {
        String what = "nrich " + endpoint.label();
        // In order of precedence over the whole cause chain: a parser may wrap the I/O failure that stopped it.
        Optional<ProviderException> known = first(failure, ProviderException.class);
        if (known.isPresent()) {
            return known.get();
        }
        Optional<ResponseTooLarge> tooLarge = first(failure, ResponseTooLarge.class);
        if (tooLarge.isPresent()) {
            return new ProviderUnavailable(what + ": " + tooLarge.get().getMessage(), Optional.empty(), true, null);
        }
        for (Throwable t : chain(failure)) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                    || isConnectTimeout(t)) {
                return new ProviderNotReached(what + " could not be reached (" + t.getClass().getSimpleName()
                        + "): the request was not sent");
            }
        }
        for (Throwable t : chain(failure)) {
            if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException) {
                return new ProviderUnavailable(what + " did not answer in time (" + t.getClass().getSimpleName() + ")",
                        Optional.empty(), true, null);
            }
        }
        for (Throwable t : chain(failure)) {
            if (t instanceof JsonbException || t instanceof JsonException) {
                return new ProviderUnavailable(what + " sent an answer that is not the expected JSON",
                        Optional.empty(), true, null);
            }
            if (t instanceof WebApplicationException web && web.getResponse() != null) {
                return fromStatus(endpoint, web.getResponse().getStatus(), null, NrichErrorBody.NONE, Clock.systemUTC());
            }
        }
        return new ProviderUnavailable(what + " failed (" + failure.getClass().getSimpleName() + ")",
                Optional.empty(), true, null);
    }

    /** {@code Retry-After}: delay-seconds or an HTTP date; a date in the past means "now". */
    public static Optional<Duration> retryAfter(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        try {
            if (value.chars().allMatch(Character::isDigit)) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT)).toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t) && chain.size() < 32; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static <T extends Throwable> Optional<T> first(Throwable failure, Class<T> type) {
        return chain(failure).stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    private static boolean isConnectTimeout(Throwable t) {
        // Apache HttpClient's ConnectTimeoutException and the JDK's "connect timed out": the connection never opened.
        return t.getClass().getSimpleName().equals("ConnectTimeoutException")
                || t.getClass().getSimpleName().equals("HttpConnectTimeoutException")
                || (t instanceof SocketTimeoutException && t.getMessage() != null
                && t.getMessage().toLowerCase(Locale.ROOT).contains("connect timed out"));
    }
}
