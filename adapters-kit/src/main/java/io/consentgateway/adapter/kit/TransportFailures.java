package io.consentgateway.adapter.kit;

import io.consentgateway.application.port.out.ProviderException;
import io.consentgateway.application.port.out.ProviderNotReached;
import io.consentgateway.application.port.out.ProviderUnavailable;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * What a failed call to a provider means when no HTTP answer explains it, told apart as the port requires: a request
 * that never left ({@link ProviderNotReached}: refused connection, unknown host, connect timeout) from one that was
 * sent and got no usable answer ({@link ProviderUnavailable} in doubt: read timeout, reset connection, TLS failure,
 * unparseable or oversized answer). Messages name the provider, the endpoint and the exception's type, never its
 * message; causes are not chained (a parser's message may quote the body, which may hold a token).
 */
public final class TransportFailures {
    private static final int MAX_CHAIN = 32;

    private final String who;
    private final String tlsSettings;

    /**
     * @param who         how messages name the call's target, e.g. {@code "nrich token endpoint"}
     * @param tlsSettings the settings to check when TLS fails, e.g. {@code "cg.tatrabanka.key-store"}; empty for none
     */
    public TransportFailures(String who, String tlsSettings) {
        this.who = who;
        this.tlsSettings = tlsSettings;
    }

    /**
     * Runs one call or a whole operation (mapping included): the application's exceptions pass, anything else is
     * classified with {@link #classify}.
     */
    public <T> T translated(Supplier<T> call, IntFunction<ProviderException> fromStatus) {
        try {
            return call.get();
        } catch (ProviderException e) {
            throw e;
        } catch (RuntimeException e) {
            throw classify(e, fromStatus);
        }
    }

    /**
     * The application's exception for anything thrown while calling, in order of precedence over the whole cause chain
     * (a parser may wrap the I/O failure that stopped it). A client's own {@link WebApplicationException} is read by
     * its status through {@code fromStatus}.
     */
    public ProviderException classify(Throwable failure, IntFunction<ProviderException> fromStatus) {
        Optional<ProviderException> known = first(failure, ProviderException.class);
        if (known.isPresent()) {
            return known.get();
        }
        Optional<ResponseTooLarge> tooLarge = first(failure, ResponseTooLarge.class);
        if (tooLarge.isPresent()) {
            return inDoubt(": " + tooLarge.get().getMessage());
        }
        for (Throwable t : chain(failure)) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                    || isConnectTimeout(t)) {
                return new ProviderNotReached(who + " could not be reached (" + t.getClass().getSimpleName()
                        + "): the request was not sent");
            }
        }
        for (Throwable t : chain(failure)) {
            if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException) {
                return inDoubt(" did not answer in time (" + t.getClass().getSimpleName() + ")");
            }
        }
        for (Throwable t : chain(failure)) {
            if (t instanceof SSLException) {
                // A handshake may fail before anything is sent, or mid-way: it cannot be told apart, so it is in doubt.
                return inDoubt(": the TLS connection failed (" + t.getClass().getSimpleName()
                        + (tlsSettings.isEmpty() ? "" : "; check " + tlsSettings) + ")");
            }
            if (t instanceof SocketException || t instanceof EOFException
                    || t.getClass().getSimpleName().equals("NoHttpResponseException")) {
                return inDoubt(": the connection ended without an answer (" + t.getClass().getSimpleName() + ")");
            }
        }
        for (Throwable t : chain(failure)) {
            if (t instanceof JsonbException || t instanceof JsonException) {
                return inDoubt(" sent an answer that is not the expected JSON");
            }
            if (t instanceof WebApplicationException web && web.getResponse() != null) {
                return fromStatus.apply(web.getResponse().getStatus());
            }
        }
        return inDoubt(" failed (" + failure.getClass().getSimpleName() + ")");
    }

    private ProviderUnavailable inDoubt(String what) {
        return new ProviderUnavailable(who + what, Optional.empty(), true, null);
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t) && chain.size() < MAX_CHAIN; t = t.getCause()) {
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
