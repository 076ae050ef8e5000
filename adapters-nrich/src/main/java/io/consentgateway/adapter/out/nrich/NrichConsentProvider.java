package io.consentgateway.adapter.out.nrich;

import io.consentgateway.adapter.kit.ConfigValues;
import io.consentgateway.adapter.kit.PagingLimitExceeded;
import io.consentgateway.adapter.kit.ProviderBusy;
import io.consentgateway.adapter.out.nrich.api.AccountDto;
import io.consentgateway.adapter.out.nrich.api.AccountsResponse;
import io.consentgateway.adapter.out.nrich.api.FlowCreated;
import io.consentgateway.adapter.out.nrich.api.IncomeReportResponse;
import io.consentgateway.adapter.out.nrich.api.TokenRequest;
import io.consentgateway.adapter.out.nrich.api.TokenResponse;
import io.consentgateway.adapter.out.nrich.http.Endpoint;
import io.consentgateway.adapter.out.nrich.http.NrichErrorFields;
import io.consentgateway.adapter.out.nrich.http.NrichFailures;
import io.consentgateway.adapter.out.nrich.mapping.NrichMapping;
import io.consentgateway.adapter.out.nrich.mapping.NrichRequests;
import io.consentgateway.adapter.out.nrich.mapping.NrichCallbacks;
import io.consentgateway.adapter.out.nrich.mapping.NrichOptions;
import io.consentgateway.application.port.out.CallbackParameters;
import io.consentgateway.application.port.out.CallbackResult;
import io.consentgateway.application.port.out.CodeExchange;
import io.consentgateway.application.port.out.ConsentProvider;
import io.consentgateway.application.port.out.ProviderFlow;
import io.consentgateway.application.port.out.ProviderFlowRequest;
import io.consentgateway.application.port.out.ProviderNotReached;
import io.consentgateway.application.port.out.ProviderMisconfigured;
import io.consentgateway.application.port.out.ProviderRejected;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import io.consentgateway.application.port.out.TransactionFilter;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.ProviderOptions;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.token.AccessToken;
import io.consentgateway.domain.token.IssuedTokens;
import io.consentgateway.domain.token.RefreshToken;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The {@link ConsentProvider} port spoken to nrich. This class holds what the port asks and how much each call may
 * cost (the fault tolerance below); the work is done by its collaborators: {@link NrichClients} (the REST clients),
 * {@code mapping} (nrich's JSON to the domain and back: {@code NrichRequests}, {@code NrichMapping},
 * {@code NrichOptions}, {@code NrichCallbacks}), {@link NrichTransactionWalk} (paging) and {@code http.NrichFailures}
 * (every failure translated into the application's exceptions).
 *
 * <p>Fault tolerance (MicroProfile Fault Tolerance, active when this class is a CDI bean; inert when constructed
 * directly): reads are retried a bounded number of times with jitter on {@link ProviderUnavailable}, but not on
 * {@link ProviderBusy} (nrich asked to wait longer than the retry delay: the caller backs off) nor on
 * {@link PagingLimitExceeded}; a flow initiation, a code exchange or a refresh is retried only on
 * {@link ProviderNotReached} (the request never left); nothing is retried on {@link ReauthorizationRequired},
 * {@link ProviderRejected} or {@link ProviderMisconfigured} (the same request would meet the same refusal); a circuit
 * breaker per method ignores those three too (nrich answered: it is not down); a bulkhead caps concurrent calls. An open circuit or a full bulkhead surfaces as {@link ProviderNotReached}.
 * The annotations are repeated on each of the six calls rather than put on the class: on the class they would guard
 * the local methods too ({@code checkOptions} refusing bad input would open a circuit), and per method each call keeps
 * its own configuration key. Every value can be overridden with the standard keys, e.g.
 * {@code io.consentgateway.adapter.out.nrich.NrichConsentProvider/accounts/Retry/maxRetries=0}.
 */
@ApplicationScoped
public class NrichConsentProvider implements ConsentProvider, AutoCloseable {
    /** The id flows and consents through nrich carry; it also names nrich's callback endpoint, {@code /callback/nrich}. */
    public static final ProviderId ID = new ProviderId("nrich");

    private static final Logger LOG = Logger.getLogger(NrichConsentProvider.class.getName());
    private static final Set<FlowKind> KINDS = Collections.unmodifiableSet(EnumSet.allOf(FlowKind.class));

    private NrichSettings settings;
    private Clock clock;
    private NrichClients clients;
    private NrichTransactionWalk transactionWalk;

    /** For CDI's client proxy only. */
    protected NrichConsentProvider() {
    }

    /**
     * The CDI constructor: MicroProfile Config binds the adapter's own keys ({@code cg.nrich.*}) to {@link NrichConfig},
     * checked here into {@link NrichSettings}. A bad value fails here, naming its key; {@link #startUp} makes that
     * happen at deployment.
     *
     * @param deployment {@value ConfigValues#DEPLOYMENT}: {@code production} refuses the sandbox's URL and demo client
     */
    @Inject
    public NrichConsentProvider(@ConfigProperties NrichConfig config,
                                @ConfigProperty(name = ConfigValues.DEPLOYMENT) Optional<String> deployment) {
        this(Objects.requireNonNull(config, "config").settings(ConfigValues.production(deployment)), Clock.systemUTC());
    }

    /** Outside CDI (tests, tools), with the system clock. */
    public NrichConsentProvider(NrichSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /**
     * @param clock used for {@code Retry-After} dates and the months of the older income report endpoint
     */
    public NrichConsentProvider(NrichSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "nrich settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.clients = NrichClients.create(settings, clock);
        this.transactionWalk = new NrichTransactionWalk(clients.data, settings, clock);
    }

    /**
     * Creates the bean when the application starts, so that a bad {@code cg.nrich.*} value fails the deployment
     * instead of the first request. Logs where nrich is, never the client secret.
     */
    void startUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.info(() -> "nrich provider ready: " + settings.normalisedBaseUri() + " as client " + settings.clientId());
    }

    @Override
    public ProviderId id() {
        return ID;
    }

    /** nrich's API root, as configured ({@code cg.nrich.base-url}); for the readiness check. */
    public URI baseUri() {
        return settings.normalisedBaseUri();
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

    /**
     * {@code /ongoing/access}, {@code /onetime/access}, {@code /onetime/income-report}, or {@code /ongoing/sync} for a
     * renewal. Retried only when the request never left ({@link ProviderNotReached}): a POST that may have reached
     * nrich (read timeout, 5xx) would otherwise leave an orphaned flow behind.
     */
    @Override
    @Retry(maxRetries = 1, delay = 300, jitter = 200, retryOn = ProviderNotReached.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            skipOn = {ReauthorizationRequired.class, ProviderRejected.class, ProviderMisconfigured.class,
                    BulkheadException.class})
    @Bulkhead(20)
    @Fallback(fallbackMethod = "startFlowNotCalled", applyOn = {CircuitBreakerOpenException.class, BulkheadException.class})
    public ProviderFlow startFlow(ProviderFlowRequest request) {
        Objects.requireNonNull(request, "flow request");
        return NrichFailures.translated(Endpoint.FLOW, () -> {
            FlowCreated created = NrichFailures.translated(Endpoint.FLOW, () -> switch (request.kind()) {
                case ONGOING_ACCESS -> request.renewal()
                        ? clients.flows.ongoingSync(NrichRequests.ongoingSync(request))
                        : clients.flows.ongoingAccess(NrichRequests.ongoingAccess(request));
                case ONE_TIME_ACCESS -> clients.flows.oneTimeAccess(NrichRequests.oneTimeAccess(request));
                case INCOME_REPORT -> clients.flows.incomeReport(NrichRequests.incomeReport(request));
            });
            return NrichMapping.flow(created);
        });
    }

    /** Never retried once the request may have reached nrich: the code is single use. */
    @Override
    @Retry(maxRetries = 1, delay = 200, jitter = 100, retryOn = ProviderNotReached.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            skipOn = {ReauthorizationRequired.class, ProviderRejected.class, ProviderMisconfigured.class,
                    BulkheadException.class})
    @Bulkhead(20)
    @Fallback(fallbackMethod = "exchangeCodeNotCalled", applyOn = {CircuitBreakerOpenException.class, BulkheadException.class})
    public IssuedTokens exchangeCode(CodeExchange exchange) {
        Objects.requireNonNull(exchange, "code exchange");
        TokenRequest request = TokenRequest.authorizationCode(exchange.code().reveal(),
                settings.sendRedirectUriOnExchange() ? exchange.redirectUri().toString() : null);
        return token(request);
    }

    /** Never retried once the request may have reached nrich: the refresh token rotates. */
    @Override
    @Retry(maxRetries = 1, delay = 200, jitter = 100, retryOn = ProviderNotReached.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            skipOn = {ReauthorizationRequired.class, ProviderRejected.class, ProviderMisconfigured.class,
                    BulkheadException.class})
    @Bulkhead(20)
    @Fallback(fallbackMethod = "refreshNotCalled", applyOn = {CircuitBreakerOpenException.class, BulkheadException.class})
    public IssuedTokens refresh(RefreshToken refreshToken) {
        Objects.requireNonNull(refreshToken, "refresh token");
        return token(TokenRequest.refresh(refreshToken.reveal()));
    }

    private IssuedTokens token(TokenRequest request) {
        return NrichFailures.translated(Endpoint.TOKEN, () -> {
            TokenResponse response = NrichFailures.translated(Endpoint.TOKEN, () -> switch (settings.tokenRequestEncoding()) {
                case JSON -> clients.tokens.token(request);
                case FORM -> clients.tokens.tokenAsForm(request.toForm());
            });
            return NrichMapping.tokens(response);
        });
    }

    @Override
    @Retry(maxRetries = 2, delay = 500, jitter = 250, maxDuration = 60_000, retryOn = ProviderUnavailable.class,
            abortOn = {PagingLimitExceeded.class, ProviderBusy.class, ReauthorizationRequired.class,
                    ProviderRejected.class, ProviderMisconfigured.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            skipOn = {ReauthorizationRequired.class, ProviderRejected.class, ProviderMisconfigured.class,
                    BulkheadException.class})
    @Bulkhead(40)
    @Fallback(fallbackMethod = "accountsNotCalled", applyOn = {CircuitBreakerOpenException.class, BulkheadException.class})
    public List<Account> accounts(AccessToken accessToken) {
        Objects.requireNonNull(accessToken, "access token");
        return NrichFailures.translated(Endpoint.DATA, () -> NrichMapping.accounts(fetchAccounts(accessToken)));
    }

    private List<AccountDto> fetchAccounts(AccessToken accessToken) {
        AccountsResponse response = NrichFailures.translated(Endpoint.DATA, () -> clients.data.accounts(bearer(accessToken)));
        if (response == null) {
            throw new ProviderUnavailable("nrich data API answered accounts with an empty body");
        }
        return NrichMapping.accountItems(response.accounts()).items();
    }

    /**
     * The whole history the filter asks for, page after page ({@link NrichTransactionWalk}). There is no method-level
     * retry here: it would start the walk again from page one; a page nrich fails to serve is fetched again on its own.
     */
    @Override
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            skipOn = {ReauthorizationRequired.class, ProviderRejected.class, ProviderMisconfigured.class,
                    BulkheadException.class})
    @Bulkhead(40)
    @Fallback(fallbackMethod = "transactionsNotCalled", applyOn = {CircuitBreakerOpenException.class, BulkheadException.class})
    public List<Transaction> transactions(AccessToken accessToken, TransactionFilter filter) {
        Objects.requireNonNull(accessToken, "access token");
        Objects.requireNonNull(filter, "transaction filter");
        return NrichFailures.translated(Endpoint.DATA,
                () -> transactionWalk.read(bearer(accessToken), filter, () -> fetchAccounts(accessToken)));
    }

    /** {@code GET /rest/income-reports/{flow id}}, or the older {@code GET /rest/income-report?since&until} by configuration. */
    @Override
    @Retry(maxRetries = 2, delay = 500, jitter = 250, maxDuration = 60_000, retryOn = ProviderUnavailable.class,
            abortOn = {PagingLimitExceeded.class, ProviderBusy.class, ReauthorizationRequired.class,
                    ProviderRejected.class, ProviderMisconfigured.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            skipOn = {ReauthorizationRequired.class, ProviderRejected.class, ProviderMisconfigured.class,
                    BulkheadException.class})
    @Bulkhead(40)
    @Fallback(fallbackMethod = "incomeReportNotCalled", applyOn = {CircuitBreakerOpenException.class, BulkheadException.class})
    public IncomeReport incomeReport(AccessToken accessToken, String providerFlowId) {
        Objects.requireNonNull(accessToken, "access token");
        return NrichFailures.translated(Endpoint.DATA, () -> {
            String authorization = bearer(accessToken);
            IncomeReportResponse response = switch (settings.incomeReportEndpoint()) {
                case CURRENT -> {
                    if (providerFlowId == null || providerFlowId.isBlank()) {
                        throw new ProviderRejected("the nrich income report needs the flow id",
                                Map.of(NrichErrorFields.REQUEST, List.of("the flow id is required")));
                    }
                    yield NrichFailures.translated(Endpoint.DATA, () -> clients.data.incomeReport(authorization, providerFlowId.strip()));
                }
                case LEGACY -> {
                    YearMonth until = YearMonth.now(clock);
                    YearMonth since = until.minusMonths(settings.legacyIncomeReportMonths() - 1L);
                    yield NrichFailures.translated(Endpoint.DATA, () -> clients.data.legacyIncomeReport(authorization, since.toString(), until.toString()));
                }
            };
            return NrichMapping.incomeReport(response);
        });
    }

    // Fallbacks: only for an open circuit or a full bulkhead, where the call was never made.

    ProviderFlow startFlowNotCalled(ProviderFlowRequest request) {
        throw notCalled();
    }

    IssuedTokens exchangeCodeNotCalled(CodeExchange exchange) {
        throw notCalled();
    }

    IssuedTokens refreshNotCalled(RefreshToken refreshToken) {
        throw notCalled();
    }

    List<Account> accountsNotCalled(AccessToken accessToken) {
        throw notCalled();
    }

    List<Transaction> transactionsNotCalled(AccessToken accessToken, TransactionFilter filter) {
        throw notCalled();
    }

    IncomeReport incomeReportNotCalled(AccessToken accessToken, String providerFlowId) {
        throw notCalled();
    }

    private static ProviderNotReached notCalled() {
        return new ProviderNotReached("nrich is not being called for now (circuit open or too many calls in flight)");
    }

    @Override
    @PreDestroy
    public void close() {
        if (clients != null) {
            clients.close();
        }
    }

    private static String bearer(AccessToken accessToken) {
        return "Bearer " + accessToken.reveal();
    }
}
