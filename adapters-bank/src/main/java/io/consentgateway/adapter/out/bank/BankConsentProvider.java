package io.consentgateway.adapter.out.bank;

import io.consentgateway.adapter.kit.GuardedConsentProvider;
import io.consentgateway.adapter.kit.ProviderConfig;
import io.consentgateway.adapter.out.bank.mapping.BankRequests;
import io.consentgateway.application.port.out.CallbackParameters;
import io.consentgateway.application.port.out.CallbackResult;
import io.consentgateway.application.port.out.ConsentProvider;
import io.consentgateway.application.port.out.ProviderFlow;
import io.consentgateway.application.port.out.ProviderFlowRequest;
import io.consentgateway.application.port.out.ProviderOptionsRejected;
import io.consentgateway.application.port.out.ProviderRejected;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.flow.FlowFailure;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.ProviderOptions;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.token.AccessToken;
import io.consentgateway.domain.token.AuthorizationCode;
import io.consentgateway.domain.token.PkceVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The {@link ConsentProvider} port spoken to Tatra banka's own PSD2 Accounts API (provider id {@code tatrabanka}):
 * OAuth 2.0 authorization code with PKCE S256, a form-encoded token endpoint with HTTP Basic client authentication,
 * rotating refresh tokens and a consent that ends when the bank says ({@code refresh_token_expires_in}), and the
 * Accounts API with a Bearer token and a fresh {@code Request-ID} on every call. MicroProfile Rest Client interfaces,
 * built once programmatically (so the same code runs on Liberty and in plain tests), optionally with a client
 * certificate (mutual TLS); every failure translated into the application's exceptions ({@code http.BankFailures}).
 *
 * <p>Flows are built locally: the authorize URL needs no server call. The bank offers ongoing and one-time access
 * (the same authorization; a one-time consent simply keeps no refresh token), no income report, and no provider
 * options. A renewal is a new authorization.
 *
 * <p>This class is the port's face ({@link GuardedConsentProvider}): what the port asks locally (kinds, options, the
 * authorize URL, callbacks, the income report it does not offer) it answers itself, and each remote call (the code
 * exchange, the refresh, the accounts and the transactions) goes to {@link BankCalls}, the bean that makes them under
 * MicroProfile Fault Tolerance (retry, circuit breaker, bulkhead, declared there once for the class and per call only
 * where a call differs). In CDI both beans take the settings
 * {@link BankCalls#settings(BankConfig, ProviderConfig, Optional) bound} from {@code cg.tatrabanka.*}; outside CDI
 * ({@link #BankConsentProvider(BankSettings, Clock)}) the provider builds its own {@link BankCalls}, whose guards are
 * then inert, and closes it.
 */
@ApplicationScoped
public class BankConsentProvider extends GuardedConsentProvider<BankCalls> {
    public static final ProviderId ID = new ProviderId("tatrabanka");
    /** The longest callback value read; anything longer is not a value this flow can use. */
    static final int MAX_CALLBACK_VALUE = 2_048;
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]+");
    private static final Set<FlowKind> KINDS = Set.copyOf(EnumSet.of(FlowKind.ONGOING_ACCESS, FlowKind.ONE_TIME_ACCESS));

    private BankSettings settings;
    private SecureRandom random;

    /** For CDI's client proxy only. */
    protected BankConsentProvider() {
    }

    /**
     * The CDI constructor: the settings {@link BankCalls#settings(BankConfig, ProviderConfig, Optional) bound} from
     * {@code cg.tatrabanka.*} (a bad value fails there, naming its key; the gateway creates every provider when the
     * application starts, so that happens at deployment) and the guarded remote calls.
     */
    @Inject
    public BankConsentProvider(BankSettings settings, BankCalls calls) {
        this(settings, calls, false);
    }

    /**
     * Outside CDI (tests, tools): builds its own {@link BankCalls} (no fault tolerance) and closes it in {@link #close}.
     *
     * @param clock used for {@code Retry-After} dates
     */
    public BankConsentProvider(BankSettings settings, Clock clock) {
        this(settings, new BankCalls(settings, clock), true);
    }

    private BankConsentProvider(BankSettings settings, BankCalls calls, boolean ownsCalls) {
        super(ID, settings.common(), calls, ownsCalls ? calls::close : CONTAINER_CLOSES_CALLS);
        this.settings = Objects.requireNonNull(settings, "bank settings");
        this.random = new SecureRandom();
    }

    @Override
    public Set<FlowKind> supportedKinds() {
        return KINDS;
    }

    /** The bank knows no provider options: none is accepted, each unknown one is named. */
    @Override
    public ProviderOptions checkOptions(FlowKind kind, Map<String, Object> requested) {
        Objects.requireNonNull(requested, "requested options");
        if (requested.isEmpty()) {
            return ProviderOptions.NONE;
        }
        Map<String, String> errors = new TreeMap<>();
        requested.keySet().forEach(name -> errors.put(name, "is not an option of provider " + ID));
        throw new ProviderOptionsRejected(errors);
    }

    /**
     * Builds the authorize URL with a fresh PKCE verifier (handed back to be kept with the flow). No server call; a
     * renewal is the same authorization again.
     */
    @Override
    public ProviderFlow startFlow(ProviderFlowRequest request) {
        Objects.requireNonNull(request, "flow request");
        if (!KINDS.contains(request.kind())) {
            throw new ProviderRejected(ID + " does not offer " + request.kind(), Map.of("kind", List.of("not offered")));
        }
        PkceVerifier verifier = BankRequests.newVerifier(random);
        return new ProviderFlow(Optional.empty(),
                BankRequests.authorizeUrl(settings.common().normalisedBaseUri(), settings.common().clientId(),
                        settings.scope(), request.state(), request.redirectUri(), verifier),
                Optional.of(verifier));
    }

    /**
     * Standard OAuth (RFC 6749 §4.1.2): {@code error=access_denied} is a cancellation, another {@code error} a reported
     * failure, a {@code code} an approval; neither is a failure for lack of a code. A code that is too long or not
     * visible ASCII is no usable code. The bank has no flow id of its own: every callback with the flow's state is the
     * flow's. Values are never quoted.
     */
    @Override
    public CallbackResult interpretCallback(CallbackParameters callback, Optional<String> providerFlowId) {
        Objects.requireNonNull(callback, "callback");
        Optional<String> error = callback.nonBlank("error");
        if (error.isPresent()) {
            return "access_denied".equals(error.get())
                    ? CallbackResult.cancelled()
                    : CallbackResult.failed(FlowFailure.PROVIDER_REPORTED_FAILURE);
        }
        Optional<String> code = callback.get("code")
                .filter(c -> c.length() <= MAX_CALLBACK_VALUE && VISIBLE_ASCII.matcher(c).matches());
        return code.map(c -> CallbackResult.approved(new AuthorizationCode(c)))
                .orElseGet(() -> CallbackResult.failed(FlowFailure.MISSING_CODE));
    }

    /** The bank has no income report: never offered ({@link #supportedKinds()}), so never asked. */
    @Override
    public IncomeReport incomeReport(AccessToken accessToken, String providerFlowId) {
        throw new ProviderRejected(ID + " offers no income report", Map.of());
    }

    @Override
    public String toString() {
        return "BankConsentProvider[" + settings + "]";
    }
}
