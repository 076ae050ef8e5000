package io.consentgateway.adapter.out.nrich;

import io.consentgateway.adapter.kit.GuardedConsentProvider;
import io.consentgateway.adapter.kit.ProviderConfig;
import io.consentgateway.adapter.out.nrich.mapping.NrichCallbacks;
import io.consentgateway.adapter.out.nrich.mapping.NrichOptions;
import io.consentgateway.application.port.out.CallbackParameters;
import io.consentgateway.application.port.out.CallbackResult;
import io.consentgateway.application.port.out.ConsentProvider;
import io.consentgateway.application.port.out.ProviderFlow;
import io.consentgateway.application.port.out.ProviderFlowRequest;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.ProviderOptions;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.token.AccessToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The {@link ConsentProvider} port spoken to nrich. This class is the port's face ({@link GuardedConsentProvider}):
 * what the port asks locally (the kinds nrich offers, its options, its callback vocabulary) it answers itself, and each
 * remote call it hands to {@link NrichCalls}, the bean that makes them under MicroProfile Fault Tolerance (retry,
 * circuit breaker, bulkhead, declared there once for the class and per call only where a call differs). The work is
 * done by collaborators: {@link NrichClients} (the REST clients), {@code mapping} (nrich's JSON to the domain and back:
 * {@code NrichRequests}, {@code NrichMapping}, {@code NrichOptions}, {@code NrichCallbacks}),
 * {@link NrichTransactionWalk} (paging) and {@code http.NrichFailures} (every failure translated into the
 * application's exceptions).
 *
 * <p>In CDI both beans take the settings {@link NrichCalls#settings(NrichConfig, ProviderConfig, Optional) bound} from
 * {@code cg.nrich.*}. Outside CDI ({@link #NrichConsentProvider(NrichSettings, Clock)}) the provider builds its own
 * {@link NrichCalls}, whose guards are then inert, and closes it.
 */
@ApplicationScoped
public class NrichConsentProvider extends GuardedConsentProvider<NrichCalls> {
    /** The id flows and consents through nrich carry; it also names nrich's callback endpoint, {@code /callback/nrich}. */
    public static final ProviderId ID = new ProviderId("nrich");

    private static final Logger LOG = Logger.getLogger(NrichConsentProvider.class.getName());
    private static final Set<FlowKind> KINDS = Collections.unmodifiableSet(EnumSet.allOf(FlowKind.class));

    private NrichSettings settings;

    /** For CDI's client proxy only. */
    protected NrichConsentProvider() {
    }

    /**
     * The CDI constructor: the settings {@link NrichCalls#settings(NrichConfig, ProviderConfig, Optional) bound} from
     * {@code cg.nrich.*} (a bad value fails there, naming its key; {@link #startUp} makes that happen at deployment)
     * and the guarded remote calls.
     */
    @Inject
    public NrichConsentProvider(NrichSettings settings, NrichCalls calls) {
        this(settings, calls, false);
    }

    /** Outside CDI (tests, tools), with the system clock. */
    public NrichConsentProvider(NrichSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /**
     * Outside CDI (tests, tools): builds its own {@link NrichCalls} (no fault tolerance) and closes it in {@link #close}.
     *
     * @param clock used for {@code Retry-After} dates and the months of the older income report endpoint
     */
    public NrichConsentProvider(NrichSettings settings, Clock clock) {
        this(settings, new NrichCalls(settings, clock), true);
    }

    private NrichConsentProvider(NrichSettings settings, NrichCalls calls, boolean ownsCalls) {
        super(ID, settings.common(), calls, ownsCalls ? calls::close : CONTAINER_CLOSES_CALLS);
        this.settings = Objects.requireNonNull(settings, "nrich settings");
    }

    /**
     * Creates the bean when the application starts, so that a bad {@code cg.nrich.*} value fails the deployment
     * instead of the first request. Logs where nrich is, never the client secret.
     */
    void startUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.info(() -> "nrich provider ready: " + settings.common().normalisedBaseUri() + " as client "
                + settings.common().clientId());
    }

    /** Ongoing access, one-time access and the income report: nrich offers all three. */
    @Override
    public Set<FlowKind> supportedKinds() {
        return KINDS;
    }

    /** nrich's own options ({@link NrichOptions}): {@code trackingId}, {@code providerId}, {@code saveSecrets}, ... */
    @Override
    public ProviderOptions checkOptions(FlowKind kind, Map<String, Object> requested) {
        return NrichOptions.check(kind, requested);
    }

    /** nrich's callback vocabulary ({@link NrichCallbacks}): {@code success}, {@code code}, {@code abort}, {@code flow_id}. */
    @Override
    public CallbackResult interpretCallback(CallbackParameters callback, Optional<String> providerFlowId) {
        return NrichCallbacks.interpret(callback, providerFlowId);
    }

    /** {@link NrichCalls#startFlow}: retried only when the request never left. */
    @Override
    public ProviderFlow startFlow(ProviderFlowRequest request) {
        return guarded(() -> calls().startFlow(request));
    }

    /** {@link NrichCalls#incomeReport}: by flow id, or the older endpoint by configuration. */
    @Override
    public IncomeReport incomeReport(AccessToken accessToken, String providerFlowId) {
        return guarded(() -> calls().incomeReport(accessToken, providerFlowId));
    }
}
