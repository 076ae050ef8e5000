package io.consentgateway.adapter.out.bank.http;

import io.consentgateway.adapter.out.bank.BankSettings;
import io.consentgateway.application.port.out.ProviderException;
import io.consentgateway.application.port.out.ProviderMisconfigured;
import io.consentgateway.application.port.out.ProviderRejected;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;

import javax.net.ssl.SSLException;
import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
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
import java.util.Set;

/**
 * Translates everything that can go wrong on a call to the bank into the application's exceptions. Messages name the
 * endpoint, the status and the bank's OAuth error code (and, for a configuration fault, the setting to check), never
 * a token, a code, the client secret, a header or the bank's free text; causes are not chained (a parser's message may
 * quote the body, which may hold a token).
 *
 * <p>The token endpoint (RFC 6749 §5.2):
 * <ul>
 *   <li>400 {@code invalid_request}, {@code unsupported_grant_type}, {@code invalid_scope}: {@link ProviderRejected}
 *       (our request was wrong);</li>
 *   <li>400 or 401 {@code invalid_client}, {@code unauthorized_client}; any other 401; 403; 404:
 *       {@link ProviderMisconfigured} (the bank refuses this gateway: an operator's matter);</li>
 *   <li>any other 400 ({@code invalid_grant}, an unknown code, no body): {@link ReauthorizationRequired}.</li>
 * </ul>
 * The Accounts API: 401 is {@link ReauthorizationRequired} (the core refreshes once and retries once), 403
 * {@link ProviderMisconfigured}, 400/404 and other 4xx {@link ProviderRejected}. Both: 429/503 are
 * {@link ProviderUnavailable} with {@code Retry-After} (a {@link ProviderBusy} when it asks for a real wait), other
 * 5xx and 408 are unavailable and in doubt.
 */
public final class BankFailures {
    static final String WHO = "tatrabanka ";
    private static final Set<String> OUR_REQUEST = Set.of("invalid_request", "unsupported_grant_type", "invalid_scope");
    private static final Set<String> OUR_CLIENT = Set.of("invalid_client", "unauthorized_client");
    private static final String CHECK_CLIENT = " (check " + BankSettings.CLIENT_ID + " and " + BankSettings.CLIENT_SECRET
            + ", and the client certificate " + BankSettings.KEY_STORE + ")";
    private static final String CHECK_BASE_URL = " (check " + BankSettings.BASE_URL + ")";
    private static final String CHECK_CERTIFICATE = " (check the client certificate " + BankSettings.KEY_STORE
            + " and the client's registration, " + BankSettings.CLIENT_ID + ")";

    private BankFailures() {
    }

    /** The exception for an HTTP answer with an error status (300 and up). */
    public static ProviderException fromStatus(Endpoint endpoint, int status, String retryAfterHeader, BankErrorBody body,
                                               Clock clock) {
        String what = WHO + endpoint.label() + " answered HTTP " + status + body.error().map(c -> " (" + c + ")").orElse("");
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
        if (endpoint == Endpoint.TOKEN) {
            return token(status, body, what);
        }
        return data(status, body, what);
    }

    private static ProviderException token(int status, BankErrorBody body, String what) {
        boolean clientRefused = body.error().filter(OUR_CLIENT::contains).isPresent();
        if (clientRefused || status == 401) {
            return new ProviderMisconfigured(what + ": the bank refuses this gateway's client authentication" + CHECK_CLIENT);
        }
        if (status == 403) {
            return new ProviderMisconfigured(what + ": the bank forbids this gateway the token endpoint" + CHECK_CERTIFICATE);
        }
        if (status == 404) {
            return new ProviderMisconfigured(what + ": there is no token endpoint at this address" + CHECK_BASE_URL);
        }
        if (status == 400 && body.error().filter(OUR_REQUEST::contains).isPresent()) {
            return new ProviderRejected(what + ": the bank refused the token request itself",
                    Map.of("error", List.of(body.error().get())));
        }
        if (status == 400) {
            return new ReauthorizationRequired(what + ": the grant was refused, the user must connect again");
        }
        return new ProviderRejected(what, Map.of());
    }

    private static ProviderException data(int status, BankErrorBody body, String what) {
        if (status == 401) {
            return new ReauthorizationRequired(what + ": the access token was refused");
        }
        if (status == 403) {
            return new ProviderMisconfigured(what + ": the bank forbids this gateway the Accounts API" + CHECK_CERTIFICATE);
        }
        return new ProviderRejected(what + (status == 404 ? ": no such account or endpoint" : ""),
                body.error().map(e -> Map.of("error", List.of(e))).orElse(Map.of()));
    }

    /** The exception for anything thrown while calling: the client's own, a processing error, a timeout. */
    public static ProviderException fromThrowable(Endpoint endpoint, Throwable failure) {
        String what = WHO + endpoint.label();
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
            if (t instanceof SSLException) {
                // A handshake may fail before anything is sent, or mid-way: it cannot be told apart, so it is in doubt.
                return new ProviderUnavailable(what + ": the TLS connection failed (" + t.getClass().getSimpleName()
                        + "; check " + BankSettings.KEY_STORE + " and " + BankSettings.TRUST_STORE + ")",
                        Optional.empty(), true, null);
            }
            if (t instanceof SocketException || t instanceof EOFException
                    || t.getClass().getSimpleName().equals("NoHttpResponseException")) {
                return new ProviderUnavailable(what + ": the connection ended without an answer ("
                        + t.getClass().getSimpleName() + ")", Optional.empty(), true, null);
            }
        }
        for (Throwable t : chain(failure)) {
            if (t instanceof JsonbException || t instanceof JsonException) {
                return new ProviderUnavailable(what + " sent an answer that is not the expected JSON",
                        Optional.empty(), true, null);
            }
            if (t instanceof WebApplicationException web && web.getResponse() != null) {
                return fromStatus(endpoint, web.getResponse().getStatus(), null, BankErrorBody.NONE, Clock.systemUTC());
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
