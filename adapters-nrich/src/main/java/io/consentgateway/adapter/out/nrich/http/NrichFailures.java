package io.consentgateway.adapter.out.nrich.http;

import io.consentgateway.adapter.kit.ProviderBusy;
import io.consentgateway.adapter.kit.TransportFailures;
import io.consentgateway.adapter.kit.UnavailableStatus;
import io.consentgateway.application.port.out.ProviderException;
import io.consentgateway.application.port.out.ProviderMisconfigured;
import io.consentgateway.application.port.out.ProviderRejected;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.ReauthorizationRequired;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

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
        Optional<ProviderUnavailable> unavailable = UnavailableStatus.of(status, what, retryAfterHeader, clock);
        if (unavailable.isPresent()) {
            return unavailable.get();
        }
        return switch (endpoint) {
            case TOKEN -> tokenRefusal(status, what, body);
            case FLOW -> status == 401 || status == 403 || status == 404
                    ? misconfigured(status, endpoint, what)
                    : new ProviderRejected(what, NrichErrorFields.inCallersTerms(body.fieldErrors()));
            case DATA -> status == 401
                    ? new ReauthorizationRequired(what + ": the access token was refused")
                    : status == 403
                    ? misconfigured(status, endpoint, what)
                    : new ProviderRejected(what, NrichErrorFields.inCallersTerms(body.fieldErrors()));
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
        return new ProviderRejected(what, NrichErrorFields.inCallersTerms(body.fieldErrors()));
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
        return transport(endpoint).classify(failure,
                status -> fromStatus(endpoint, status, null, NrichErrorBody.NONE, Clock.systemUTC()));
    }

    /** Runs one call (or a whole operation, mapping included): only the application's exceptions leave. */
    public static <T> T translated(Endpoint endpoint, Supplier<T> call) {
        return transport(endpoint).translated(call,
                status -> fromStatus(endpoint, status, null, NrichErrorBody.NONE, Clock.systemUTC()));
    }

    private static TransportFailures transport(Endpoint endpoint) {
        return new TransportFailures("nrich " + endpoint.label(), "");
    }
}
