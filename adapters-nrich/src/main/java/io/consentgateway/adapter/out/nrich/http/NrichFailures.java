package io.consentgateway.adapter.out.nrich.http;

import io.consentgateway.application.port.out.ProviderException;
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
import java.util.Map;
import java.util.Optional;

/**
 * Translates everything that can go wrong on a call to nrich into the application's three exceptions. Messages
 * name the endpoint group, the status and nrich's error code, never a token, a code, the client secret, a header
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
            case TOKEN -> status == 400 || status == 401
                    ? new ReauthorizationRequired(what + ": the grant was refused, the user must connect again")
                    : new ProviderRejected(what, Map.of());
            case DATA -> status == 401 || status == 403
                    ? new ReauthorizationRequired(what + ": the access token was refused")
                    : new ProviderRejected(what, body.fieldErrors());
            case FLOW -> status == 401 || status == 403
                    ? new ProviderRejected(what + ": the client credentials were refused (check cg.nrich.client-id and "
                    + "cg.nrich.client-secret)", Map.of())
                    : new ProviderRejected(what, body.fieldErrors());
        };
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
