package io.consentgateway.adapter.out.bank.http;

import io.consentgateway.adapter.kit.ProviderBusy;
import io.consentgateway.adapter.kit.ProviderConfig;
import io.consentgateway.adapter.kit.TransportFailures;
import io.consentgateway.adapter.kit.UnavailableStatus;
import io.consentgateway.adapter.out.bank.BankSettings;
import io.consentgateway.application.port.out.ProviderException;
import io.consentgateway.application.port.out.ProviderMisconfigured;
import io.consentgateway.application.port.out.ProviderRejected;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.ReauthorizationRequired;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

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
    /** The bank names no fields; what it refused is the gateway's own part of the call, never a field of the caller's. */
    private static final String REQUEST = "request";
    private static final Set<String> OUR_REQUEST = Set.of("invalid_request", "unsupported_grant_type", "invalid_scope");
    private static final Set<String> OUR_CLIENT = Set.of("invalid_client", "unauthorized_client");
    private static final String CHECK_CLIENT = " (check " + BankSettings.PREFIX + ProviderConfig.CLIENT_ID + " and "
            + BankSettings.PREFIX + ProviderConfig.CLIENT_SECRET + ", and the client certificate " + BankSettings.KEY_STORE + ")";
    private static final String CHECK_BASE_URL = " (check " + BankSettings.PREFIX + ProviderConfig.BASE_URL + ")";
    private static final String CHECK_CERTIFICATE = " (check the client certificate " + BankSettings.KEY_STORE
            + " and the client's registration, " + BankSettings.PREFIX + ProviderConfig.CLIENT_ID + ")";

    private BankFailures() {
    }

    /** The exception for an HTTP answer with an error status (300 and up). */
    public static ProviderException fromStatus(Endpoint endpoint, int status, String retryAfterHeader, BankErrorBody body,
                                               Clock clock) {
        String what = WHO + endpoint.label() + " answered HTTP " + status + body.error().map(c -> " (" + c + ")").orElse("");
        Optional<ProviderUnavailable> unavailable = UnavailableStatus.of(status, what, retryAfterHeader, clock);
        if (unavailable.isPresent()) {
            return unavailable.get();
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
                    Map.of(REQUEST, List.of(body.error().get())));
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
                body.error().map(e -> Map.of(REQUEST, List.of(e))).orElse(Map.of()));
    }

    /** The exception for anything thrown while calling: the client's own, a processing error, a timeout, TLS. */
    public static ProviderException fromThrowable(Endpoint endpoint, Throwable failure) {
        return transport(endpoint).classify(failure,
                status -> fromStatus(endpoint, status, null, BankErrorBody.NONE, Clock.systemUTC()));
    }

    /** Runs one call (or a whole operation, mapping included): only the application's exceptions leave. */
    public static <T> T translated(Endpoint endpoint, Supplier<T> call) {
        return transport(endpoint).translated(call,
                status -> fromStatus(endpoint, status, null, BankErrorBody.NONE, Clock.systemUTC()));
    }

    private static TransportFailures transport(Endpoint endpoint) {
        return new TransportFailures(WHO + endpoint.label(), BankSettings.KEY_STORE + " and " + BankSettings.TRUST_STORE);
    }
}
