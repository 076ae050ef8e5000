package io.consentgateway.adapter.out.nrich;

import io.consentgateway.adapter.kit.ConfigValues;
import io.consentgateway.adapter.kit.PagingLimitExceeded;
import io.consentgateway.adapter.kit.ProviderBusy;
import io.consentgateway.adapter.kit.ProviderCalls;
import io.consentgateway.adapter.kit.ProviderConfig;
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
import io.consentgateway.application.port.out.CodeExchange;
import io.consentgateway.application.port.out.ProviderFlow;
import io.consentgateway.application.port.out.ProviderFlowRequest;
import io.consentgateway.application.port.out.ProviderMisconfigured;
import io.consentgateway.application.port.out.ProviderNotReached;
import io.consentgateway.application.port.out.ProviderRejected;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import io.consentgateway.application.port.out.TransactionFilter;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.token.AccessToken;
import io.consentgateway.domain.token.IssuedTokens;
import io.consentgateway.domain.token.RefreshToken;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * nrich's six remote calls, each guarded by MicroProfile Fault Tolerance (active when this class is a CDI bean; inert
 * when constructed directly). {@link NrichConsentProvider} is the port's face and delegates every remote call here;
 * what the port asks locally (kinds, options, callbacks) never passes these guards.
 *
 * <p>On the class, so for every call: a circuit breaker (each method keeps its own circuit, so the token endpoint and
 * the data API trip independently) that ignores what a retry or a pause cannot fix ({@link ReauthorizationRequired},
 * {@link ProviderRejected}, {@link ProviderMisconfigured}: nrich answered, it is not down) and our own bulkhead's
 * refusals ({@link BulkheadException}); a bulkhead of 40 concurrent calls (each method its own). Per method, only what
 * differs: the writes (a flow initiation, a code exchange, a refresh) are retried only on {@link ProviderNotReached}
 * (the request never left) and have a bulkhead of 20; the single-call reads are retried a bounded number of times with
 * jitter on {@link ProviderUnavailable}, but not on {@link ProviderBusy} (nrich asked to wait longer than the retry
 * delay: the caller backs off) nor on {@link PagingLimitExceeded}; the transactions walk has no method retry (pages
 * are retried one by one). There is deliberately no class-level {@code @Retry}: a call added here without its own
 * would otherwise inherit a read's retry, and a POST in doubt must never be repeated. An open circuit or a full
 * bulkhead is turned into {@link ProviderNotReached} by the provider ({@code GuardRefusals}), outside these guards.
 *
 * <p>Every value can be overridden with the standard keys: {@code <this class>/<method>/<annotation>/<parameter>} for
 * an annotation on the method (e.g. {@code io.consentgateway.adapter.out.nrich.NrichCalls/accounts/Retry/maxRetries=0},
 * {@code .../NrichCalls/refresh/Bulkhead/value=10}), {@code <this class>/<annotation>/<parameter>} for one on the
 * class (e.g. {@code io.consentgateway.adapter.out.nrich.NrichCalls/CircuitBreaker/delay=60000}, for every call).
 */
@ApplicationScoped
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
        skipOn = {ReauthorizationRequired.class, ProviderRejected.class, ProviderMisconfigured.class,
                BulkheadException.class})
@Bulkhead(40)
public class NrichCalls implements ProviderCalls {
    private NrichSettings settings;
    private Clock clock;
    private NrichClients clients;
    private NrichTransactionWalk transactionWalk;

    /** For CDI's client proxy only. */
    protected NrichCalls() {
    }

    /**
     * The CDI constructor: the settings {@link #settings(NrichConfig, ProviderConfig, Optional) bound} from
     * MicroProfile Config, the system clock.
     */
    @Inject
    public NrichCalls(NrichSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /**
     * Outside CDI (tests, tools; {@link NrichConsentProvider}'s plain constructors): the guards are inert.
     *
     * @param clock used for {@code Retry-After} dates and the months of the older income report endpoint
     */
    public NrichCalls(NrichSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "nrich settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.clients = NrichClients.create(settings, clock);
        this.transactionWalk = new NrichTransactionWalk(clients.data, settings, clock);
    }

    /**
     * The adapter's settings in CDI, made once for this bean and {@link NrichConsentProvider}: MicroProfile Config binds
     * the adapter's own keys ({@code cg.nrich.*}) to {@link NrichConfig} and the keys every provider has to the
     * kit's {@link ProviderConfig}, checked here into {@link NrichSettings}. A bad
     * value fails here, naming its key; the provider's start-up makes that happen at deployment. A static producer,
     * so that reading the settings never passes this class's fault-tolerance guards.
     *
     * @param deployment {@value ConfigValues#DEPLOYMENT}: {@code production} refuses the sandbox's URL and demo client
     */
    @Produces
    @Singleton
    public static NrichSettings settings(@ConfigProperties NrichConfig config,
                                         @ConfigProperties(prefix = "cg.nrich") ProviderConfig common,
                                         @ConfigProperty(name = ConfigValues.DEPLOYMENT) Optional<String> deployment) {
        return Objects.requireNonNull(config, "config").settings(common, ConfigValues.production(deployment));
    }

    /**
     * {@code /ongoing/access}, {@code /onetime/access}, {@code /onetime/income-report}, or {@code /ongoing/sync} for a
     * renewal. Retried only when the request never left ({@link ProviderNotReached}): a POST that may have reached
     * nrich (read timeout, 5xx) would otherwise leave an orphaned flow behind.
     */
    @Retry(maxRetries = 1, delay = 300, jitter = 200, retryOn = ProviderNotReached.class)
    @Bulkhead(20)
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
    @Retry(maxRetries = 1, delay = 200, jitter = 100, retryOn = ProviderNotReached.class)
    @Bulkhead(20)
    @Override
    public IssuedTokens exchangeCode(CodeExchange exchange) {
        Objects.requireNonNull(exchange, "code exchange");
        TokenRequest request = TokenRequest.authorizationCode(exchange.code().reveal(),
                settings.sendRedirectUriOnExchange() ? exchange.redirectUri().toString() : null);
        return token(request);
    }

    /** Never retried once the request may have reached nrich: the refresh token rotates. */
    @Retry(maxRetries = 1, delay = 200, jitter = 100, retryOn = ProviderNotReached.class)
    @Bulkhead(20)
    @Override
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

    @Retry(maxRetries = 2, delay = 500, jitter = 250, maxDuration = 60_000, retryOn = ProviderUnavailable.class,
            abortOn = {PagingLimitExceeded.class, ProviderBusy.class, ReauthorizationRequired.class,
                    ProviderRejected.class, ProviderMisconfigured.class})
    @Override
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
    public List<Transaction> transactions(AccessToken accessToken, TransactionFilter filter) {
        Objects.requireNonNull(accessToken, "access token");
        Objects.requireNonNull(filter, "transaction filter");
        return NrichFailures.translated(Endpoint.DATA,
                () -> transactionWalk.read(bearer(accessToken), filter, () -> fetchAccounts(accessToken)));
    }

    /** {@code GET /rest/income-reports/{flow id}}, or the older {@code GET /rest/income-report?since&until} by configuration. */
    @Retry(maxRetries = 2, delay = 500, jitter = 250, maxDuration = 60_000, retryOn = ProviderUnavailable.class,
            abortOn = {PagingLimitExceeded.class, ProviderBusy.class, ReauthorizationRequired.class,
                    ProviderRejected.class, ProviderMisconfigured.class})
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

    /** Closes the REST clients: by CDI when the bean is destroyed, else by the provider that built this object. */
    @PreDestroy
    void close() {
        if (clients != null) {
            clients.close();
        }
    }

    private static String bearer(AccessToken accessToken) {
        return "Bearer " + accessToken.reveal();
    }
}
