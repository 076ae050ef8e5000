package io.consentgateway.adapter.out.bank;

import io.consentgateway.adapter.kit.ConfigValues;
import io.consentgateway.adapter.kit.PagingLimitExceeded;
import io.consentgateway.adapter.kit.BasicClientAuthentication;
import io.consentgateway.adapter.kit.PagedRead;
import io.consentgateway.adapter.kit.ProviderBusy;
import io.consentgateway.adapter.kit.ProviderClients;
import io.consentgateway.adapter.kit.ProviderErrorMapper;
import io.consentgateway.adapter.out.bank.api.BankDataApi;
import io.consentgateway.adapter.out.bank.api.BankTokenApi;
import io.consentgateway.adapter.out.bank.http.BankErrorBody;
import io.consentgateway.adapter.out.bank.http.BankFailures;
import io.consentgateway.adapter.out.bank.http.Endpoint;
import io.consentgateway.adapter.out.bank.http.RequestIdHeader;
import io.consentgateway.adapter.out.bank.mapping.BankMapping;
import io.consentgateway.adapter.out.bank.mapping.BankRequests;
import io.consentgateway.application.port.out.CallbackParameters;
import io.consentgateway.application.port.out.CallbackResult;
import io.consentgateway.application.port.out.CodeExchange;
import io.consentgateway.application.port.out.ConsentProvider;
import io.consentgateway.application.port.out.ProviderFlow;
import io.consentgateway.application.port.out.ProviderFlowRequest;
import io.consentgateway.application.port.out.ProviderNotReached;
import io.consentgateway.application.port.out.ProviderMisconfigured;
import io.consentgateway.application.port.out.ProviderOptionsRejected;
import io.consentgateway.application.port.out.ProviderRejected;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import io.consentgateway.application.port.out.TransactionFilter;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.Balance;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.flow.FlowFailure;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.ProviderOptions;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.token.AccessToken;
import io.consentgateway.domain.token.AuthorizationCode;
import io.consentgateway.domain.token.IssuedTokens;
import io.consentgateway.domain.token.PkceVerifier;
import io.consentgateway.domain.token.RefreshToken;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The {@link ConsentProvider} port spoken to Tatra banka's own PSD2 Accounts API (provider id {@code tatrabanka}):
 * OAuth 2.0 authorization code with PKCE S256, a form-encoded token endpoint with HTTP Basic client authentication,
 * rotating refresh tokens and a consent that ends when the bank says ({@code refresh_token_expires_in}), and the
 * Accounts API with a Bearer token and a fresh {@code Request-ID} on every call. MicroProfile Rest Client interfaces,
 * built once programmatically (so the same code runs on Liberty and in plain tests), optionally with a client
 * certificate (mutual TLS); every failure translated into the application's exceptions ({@link BankFailures}).
 *
 * <p>Flows are built locally: the authorize URL needs no server call. The bank offers ongoing and one-time access
 * (the same authorization; a one-time consent simply keeps no refresh token), no income report, and no provider
 * options. A renewal is a new authorization.
 *
 * <p>Fault tolerance (MicroProfile Fault Tolerance, active when this class is a CDI bean; inert when constructed
 * directly): reads are retried a bounded number of times with jitter on {@link ProviderUnavailable}, but not on
 * {@link ProviderBusy} (the bank asked to wait longer) nor on {@link PagingLimitExceeded}; a code exchange or a
 * refresh is retried only on {@link ProviderNotReached} (the request never left); a circuit breaker per method ignores
 * what a retry or a pause cannot fix ({@link ReauthorizationRequired}, {@link ProviderRejected},
 * {@link ProviderMisconfigured}); a bulkhead caps concurrent calls. An open circuit or a full bulkhead surfaces as
 * {@link ProviderNotReached}. Every value can be overridden with the standard keys, e.g.
 * {@code io.consentgateway.adapter.out.bank.BankConsentProvider/accounts/Retry/maxRetries=0}.
 */
@ApplicationScoped
public class BankConsentProvider implements ConsentProvider, AutoCloseable {
    public static final ProviderId ID = new ProviderId("tatrabanka");
    /** The longest callback value read; anything longer is not a value this flow can use. */
    static final int MAX_CALLBACK_VALUE = 2_048;
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]+");
    private static final Set<FlowKind> KINDS = Set.copyOf(EnumSet.of(FlowKind.ONGOING_ACCESS, FlowKind.ONE_TIME_ACCESS));
    private static final System.Logger LOG = System.getLogger(BankConsentProvider.class.getName());

    private BankSettings settings;
    private Clock clock;
    private SecureRandom random;
    private BankTokenApi tokens;
    private BankDataApi data;

    /** For CDI's client proxy only. */
    protected BankConsentProvider() {
    }

    /**
     * The CDI constructor: MicroProfile Config binds the adapter's own keys ({@code cg.tatrabanka.*}) to
     * {@link BankConfig}, checked here into {@link BankSettings} (the stores loaded). A bad value fails here, naming its
     * key; the gateway creates every provider when the application starts, so that happens at deployment.
     *
     * @param deployment {@value ConfigValues#DEPLOYMENT}: {@code production} refuses the sandbox's URL and demo client
     */
    @Inject
    public BankConsentProvider(@ConfigProperties BankConfig config,
                               @ConfigProperty(name = ConfigValues.DEPLOYMENT) Optional<String> deployment) {
        this(Objects.requireNonNull(config, "config").settings(ConfigValues.production(deployment)), Clock.systemUTC());
    }

    /**
     * @param clock used for {@code Retry-After} dates
     */
    public BankConsentProvider(BankSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "bank settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = new SecureRandom();
        this.tokens = client(BankTokenApi.class, Endpoint.TOKEN);
        this.data = client(BankDataApi.class, Endpoint.DATA);
    }

    private <T> T client(Class<T> api, Endpoint endpoint) {
        RestClientBuilder builder = ProviderClients.builder(settings.normalisedBaseUri(), settings.connectTimeout(),
                settings.readTimeout(), new ProviderErrorMapper((status, retryAfter, body) ->
                        BankFailures.fromStatus(endpoint, status, retryAfter, BankErrorBody.parse(body), clock)),
                settings.maxResponseBytes());
        if (endpoint == Endpoint.TOKEN) {
            builder.register(new BasicClientAuthentication(settings.clientId(), settings.clientSecret()));
        } else {
            builder.register(new RequestIdHeader());
        }
        settings.keyStore().ifPresent(store -> builder.keyStore(store.store(), store.password()));
        settings.trustStore().ifPresent(store -> builder.trustStore(store.store()));
        return builder.build(api);
    }

    @Override
    public ProviderId id() {
        return ID;
    }

    /** The bank's API root, as configured ({@code cg.tatrabanka.base-url}); for the readiness check. */
    public URI baseUri() {
        return settings.normalisedBaseUri();
    }

    // ---- flows ----

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
                BankRequests.authorizeUrl(settings.normalisedBaseUri(), settings.clientId(), settings.scope(),
                        request.state(), request.redirectUri(), verifier),
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

    // ---- tokens ----

    /** Never retried once the request may have reached the bank: the code is single use. */
    @Override
    @Retry(maxRetries = 1, delay = 200, jitter = 100, retryOn = ProviderNotReached.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            skipOn = {ReauthorizationRequired.class, ProviderRejected.class, ProviderMisconfigured.class,
                    BulkheadException.class})
    @Bulkhead(20)
    @Fallback(fallbackMethod = "exchangeCodeNotCalled", applyOn = {CircuitBreakerOpenException.class, BulkheadException.class})
    public IssuedTokens exchangeCode(CodeExchange exchange) {
        Objects.requireNonNull(exchange, "code exchange");
        return token(() -> tokens.token(BankRequests.exchange(exchange)));
    }

    /** Never retried once the request may have reached the bank: the refresh token rotates. */
    @Override
    @Retry(maxRetries = 1, delay = 200, jitter = 100, retryOn = ProviderNotReached.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            skipOn = {ReauthorizationRequired.class, ProviderRejected.class, ProviderMisconfigured.class,
                    BulkheadException.class})
    @Bulkhead(20)
    @Fallback(fallbackMethod = "refreshNotCalled", applyOn = {CircuitBreakerOpenException.class, BulkheadException.class})
    public IssuedTokens refresh(RefreshToken refreshToken) {
        Objects.requireNonNull(refreshToken, "refresh token");
        return token(() -> tokens.token(BankRequests.refresh(refreshToken)));
    }

    private IssuedTokens token(Supplier<byte[]> call) {
        return BankFailures.translated(Endpoint.TOKEN, () -> BankMapping.tokens(
                BankMapping.object(BankFailures.translated(Endpoint.TOKEN, call), "token endpoint")));
    }

    // ---- data ----

    /**
     * Walks {@code GET /api/v1/accounts} and asks {@code POST /api/v1/accounts/information} for each account's balance
     * ({@code closingBooked}, else {@code interimAvailable}, else the first). An account the bank will not give
     * information on (400/404) is still listed, without a balance.
     */
    @Override
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            skipOn = {ReauthorizationRequired.class, ProviderRejected.class, ProviderMisconfigured.class,
                    BulkheadException.class})
    @Bulkhead(40)
    @Fallback(fallbackMethod = "accountsNotCalled", applyOn = {CircuitBreakerOpenException.class, BulkheadException.class})
    public List<Account> accounts(AccessToken accessToken) {
        Objects.requireNonNull(accessToken, "access token");
        return BankFailures.translated(Endpoint.DATA, () -> {
            String authorization = bearer(accessToken);
            PagedRead read = PagedRead.start("tatrabanka accounts", settings.readDeadline(), clock);
            List<Account> accounts = new ArrayList<>();
            for (Account account : listAccounts(read, authorization)) {
                accounts.add(withBalance(account, balance(read, authorization, account)));
            }
            return List.copyOf(accounts);
        });
    }

    private Optional<Balance> balance(PagedRead read, String authorization, Account account) {
        try {
            JsonObject information = BankMapping.object(read.page(() -> BankFailures.translated(Endpoint.DATA,
                    () -> data.information(authorization, BankRequests.information(account.id())))), "accounts API (information)");
            return BankMapping.balance(information, account.currency());
        } catch (ProviderRejected e) {
            LOG.log(System.Logger.Level.WARNING, "tatrabanka gave no information on a listed account ({0}): listed "
                    + "without a balance", e.getMessage());
            return Optional.empty();
        }
    }

    private static Account withBalance(Account a, Optional<Balance> balance) {
        return new Account(a.id(), a.iban(), a.accountNumber(), a.bankCode(), a.bic(), a.name(), a.owner(), a.bankName(),
                a.currency(), a.type(), balance);
    }

    /** Every page of {@code GET /api/v1/accounts}, each account once (by IBAN). */
    private List<Account> listAccounts(PagedRead read, String authorization) {
        Map<String, Account> accounts = new LinkedHashMap<>();
        int size = settings.pageSize();
        for (int page = 1; ; page++) {
            if (page > settings.maxPages()) {
                throw new PagingLimitExceeded("tatrabanka accounts did not end within " + settings.maxPages()
                        + " pages of " + size + " (" + BankSettings.MAX_PAGES + ")");
            }
            int at = page;
            BankMapping.Page<Account> received = BankMapping.accountsPage(BankMapping.object(read.page(() ->
                    BankFailures.translated(Endpoint.DATA, () -> data.accounts(authorization, at, size, "asc"))), "accounts API (accounts)"));
            received.items().forEach(a -> accounts.putIfAbsent(a.id(), a));
            if (isLastPage(page, size, received)) {
                return List.copyOf(accounts.values());
            }
        }
    }

    /**
     * Walks {@code POST /api/v1/accounts/transactions} page by page for each account of the filter (their ids are the
     * IBANs this adapter reports; none means every account; an id the bank does not list yields nothing), with the
     * configured status and the filter's dates. At most {@code cg.tatrabanka.max-pages} pages per account and
     * {@code cg.tatrabanka.max-transactions} items in all (else {@link PagingLimitExceeded}). A transaction seen twice
     * (the data moved between pages) is kept once. The whole walk must end within {@code cg.tatrabanka.read-deadline};
     * a page the bank fails to serve is fetched again on its own ({@link PagedRead}), never the walk from page one.
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
        return BankFailures.translated(Endpoint.DATA, () -> {
            String authorization = bearer(accessToken);
            PagedRead read = PagedRead.start("tatrabanka transactions", settings.readDeadline(), clock);
            List<Account> accounts = listAccounts(read, authorization);
            Set<String> wanted = new LinkedHashSet<>();
            filter.accountIds().forEach(id -> wanted.add(BankMapping.accountId(id)));
            Map<String, Transaction> unique = new LinkedHashMap<>();
            long received = 0;
            for (Account account : accounts) {
                if (!wanted.isEmpty() && !wanted.contains(account.id())) {
                    continue;
                }
                received = walkTransactions(read, authorization, account, filter, received, unique);
            }
            return List.copyOf(unique.values());
        });
    }

    private long walkTransactions(PagedRead read, String authorization, Account account, TransactionFilter filter,
                                  long receivedBefore, Map<String, Transaction> unique) {
        long received = receivedBefore;
        int size = settings.pageSize();
        Optional<Currency> currency = account.currency();
        for (int page = 1; ; page++) {
            if (page > settings.maxPages()) {
                throw new PagingLimitExceeded("tatrabanka transactions of an account did not end within "
                        + settings.maxPages() + " pages of " + size + " (" + BankSettings.MAX_PAGES + ")");
            }
            String body = BankRequests.transactions(account.id(), settings.transactionStatus().name(), filter, page, size);
            BankMapping.Page<Transaction> answer = BankMapping.transactionsPage(BankMapping.object(read.page(() ->
                    BankFailures.translated(Endpoint.DATA, () -> data.transactions(authorization, body))), "accounts API (transactions)"),
                    account.id(), currency);
            received += answer.received();
            if (received > settings.maxTransactions()) {
                throw new PagingLimitExceeded("tatrabanka transactions exceeded " + settings.maxTransactions()
                        + " items (" + BankSettings.MAX_TRANSACTIONS + ")");
            }
            answer.items().forEach(t -> unique.putIfAbsent(t.accountId() + "\u0000" + t.id(), t));
            if (isLastPage(page, size, answer)) {
                return received;
            }
        }
    }

    /** An empty page ends a listing; so does the bank's {@code totalPages}, or, without it, a short page. */
    private static boolean isLastPage(int page, int size, BankMapping.Page<?> answer) {
        if (answer.received() == 0) {
            return true;
        }
        return answer.totalPages().map(total -> page >= total).orElse(answer.received() < size);
    }

    /** The bank has no income report: never offered ({@link #supportedKinds()}), so never asked. */
    @Override
    public IncomeReport incomeReport(AccessToken accessToken, String providerFlowId) {
        throw new ProviderRejected(ID + " offers no income report", Map.of());
    }

    // Fallbacks: only for an open circuit or a full bulkhead, where the call was never made.

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

    private static ProviderNotReached notCalled() {
        return new ProviderNotReached("tatrabanka is not being called for now (circuit open or too many calls in flight)");
    }

    @Override
    @PreDestroy
    public void close() {
        for (AutoCloseable client : new AutoCloseable[] {tokens, data}) {
            if (client != null) {
                try {
                    client.close();
                } catch (Exception ignored) {
                    // closing is best effort
                }
            }
        }
    }

    @Override
    public String toString() {
        return "BankConsentProvider[" + settings + "]";
    }

    private static String bearer(AccessToken accessToken) {
        return "Bearer " + accessToken.reveal();
    }
}
