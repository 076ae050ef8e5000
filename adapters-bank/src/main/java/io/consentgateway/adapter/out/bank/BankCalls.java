package io.consentgateway.adapter.out.bank;

import io.consentgateway.adapter.kit.BasicClientAuthentication;
import io.consentgateway.adapter.kit.ConfigValues;
import io.consentgateway.adapter.kit.PagedRead;
import io.consentgateway.adapter.kit.PagingLimitExceeded;
import io.consentgateway.adapter.kit.ProviderBusy;
import io.consentgateway.adapter.kit.ProviderCalls;
import io.consentgateway.adapter.kit.ProviderClients;
import io.consentgateway.adapter.kit.ProviderConfig;
import io.consentgateway.adapter.kit.ProviderErrorMapper;
import io.consentgateway.adapter.kit.ProviderSettings;
import io.consentgateway.adapter.out.bank.api.BankDataApi;
import io.consentgateway.adapter.out.bank.api.BankTokenApi;
import io.consentgateway.adapter.out.bank.http.BankErrorBody;
import io.consentgateway.adapter.out.bank.http.BankFailures;
import io.consentgateway.adapter.out.bank.http.Endpoint;
import io.consentgateway.adapter.out.bank.http.RequestIdHeader;
import io.consentgateway.adapter.out.bank.mapping.BankMapping;
import io.consentgateway.adapter.out.bank.mapping.BankRequests;
import io.consentgateway.application.port.out.CodeExchange;
import io.consentgateway.application.port.out.ProviderMisconfigured;
import io.consentgateway.application.port.out.ProviderNotReached;
import io.consentgateway.application.port.out.ProviderRejected;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import io.consentgateway.application.port.out.TransactionFilter;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.Balance;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.token.AccessToken;
import io.consentgateway.domain.token.IssuedTokens;
import io.consentgateway.domain.token.RefreshToken;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The bank's four remote calls (code exchange, refresh, accounts, transactions), each guarded by MicroProfile Fault
 * Tolerance (active when this class is a CDI bean; inert when constructed directly). {@link BankConsentProvider} is the
 * port's face and delegates every remote call here; what it answers locally (kinds, options, the authorize URL,
 * callbacks) never passes these guards.
 *
 * <p>On the class, so for every call: a circuit breaker (each method keeps its own circuit) that ignores what a retry
 * or a pause cannot fix ({@link ReauthorizationRequired}, {@link ProviderRejected}, {@link ProviderMisconfigured}: the
 * bank answered, it is not down) and our own bulkhead's refusals ({@link BulkheadException}); a bulkhead of 40
 * concurrent calls (each method its own). Per method, only what differs: a code exchange or a refresh is retried only
 * on {@link ProviderNotReached} (the request never left) and has a bulkhead of 20. The reads have no method retry:
 * they walk pages, and a page that fails is fetched again on its own ({@link PagedRead}: on {@link ProviderUnavailable},
 * not on {@link ProviderBusy} nor {@link PagingLimitExceeded}). There is deliberately no class-level {@code @Retry}: a
 * call added here without its own would inherit it, and a POST in doubt must never be repeated. An open circuit or a
 * full bulkhead is turned into {@link ProviderNotReached} by the provider ({@code GuardRefusals}), outside the guards.
 *
 * <p>Every value can be overridden with the standard keys: {@code <this class>/<method>/<annotation>/<parameter>} for
 * an annotation on the method (e.g. {@code io.consentgateway.adapter.out.bank.BankCalls/refresh/Retry/maxRetries=0}),
 * {@code <this class>/<annotation>/<parameter>} for one on the class (e.g.
 * {@code io.consentgateway.adapter.out.bank.BankCalls/CircuitBreaker/delay=60000}, for every call).
 */
@ApplicationScoped
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
        skipOn = {ReauthorizationRequired.class, ProviderRejected.class, ProviderMisconfigured.class,
                BulkheadException.class})
@Bulkhead(40)
public class BankCalls implements ProviderCalls {
    private static final System.Logger LOG = System.getLogger(BankCalls.class.getName());

    private BankSettings settings;
    private Clock clock;
    private BankTokenApi tokens;
    private BankDataApi data;

    /** For CDI's client proxy only. */
    protected BankCalls() {
    }

    /**
     * The CDI constructor: the settings {@link #settings(BankConfig, ProviderConfig, Optional) bound} from MicroProfile
     * Config, the system clock.
     */
    @Inject
    public BankCalls(BankSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /**
     * Outside CDI (tests, tools; {@link BankConsentProvider}'s plain constructor): the guards are inert.
     *
     * @param clock used for {@code Retry-After} dates
     */
    public BankCalls(BankSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "bank settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = client(BankTokenApi.class, Endpoint.TOKEN);
        this.data = client(BankDataApi.class, Endpoint.DATA);
    }

    /**
     * The adapter's settings in CDI, made once for this bean and {@link BankConsentProvider}: MicroProfile Config binds
     * the adapter's own keys ({@code cg.tatrabanka.*}) to {@link BankConfig} and the keys every provider has to the
     * kit's {@link ProviderConfig}, checked here into {@link BankSettings}
     * (the stores loaded). A bad value fails here, naming its key; the gateway creates every provider when the
     * application starts, so that happens at deployment. A static producer, so that reading the settings never passes
     * this class's fault-tolerance guards.
     *
     * @param deployment {@value ConfigValues#DEPLOYMENT}: {@code production} refuses the sandbox's URL and demo client
     */
    @Produces
    @Singleton
    public static BankSettings settings(@ConfigProperties BankConfig config,
                                        @ConfigProperties(prefix = "cg.tatrabanka") ProviderConfig common,
                                        @ConfigProperty(name = ConfigValues.DEPLOYMENT) Optional<String> deployment) {
        return Objects.requireNonNull(config, "config").settings(common, ConfigValues.production(deployment));
    }

    private <T> T client(Class<T> api, Endpoint endpoint) {
        ProviderSettings common = settings.common();
        RestClientBuilder builder = ProviderClients.builder(common, new ProviderErrorMapper((status, retryAfter, body) ->
                BankFailures.fromStatus(endpoint, status, retryAfter, BankErrorBody.parse(body), clock)));
        if (endpoint == Endpoint.TOKEN) {
            builder.register(new BasicClientAuthentication(common.clientId(), common.clientSecret()));
        } else {
            builder.register(new RequestIdHeader());
        }
        settings.keyStore().ifPresent(store -> builder.keyStore(store.store(), store.password()));
        settings.trustStore().ifPresent(store -> builder.trustStore(store.store()));
        return builder.build(api);
    }

    // ---- tokens ----

    /** Never retried once the request may have reached the bank: the code is single use. */
    @Retry(maxRetries = 1, delay = 200, jitter = 100, retryOn = ProviderNotReached.class)
    @Bulkhead(20)
    @Override
    public IssuedTokens exchangeCode(CodeExchange exchange) {
        Objects.requireNonNull(exchange, "code exchange");
        return token(() -> tokens.token(BankRequests.exchange(exchange)));
    }

    /** Never retried once the request may have reached the bank: the refresh token rotates. */
    @Retry(maxRetries = 1, delay = 200, jitter = 100, retryOn = ProviderNotReached.class)
    @Bulkhead(20)
    @Override
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
    public List<Account> accounts(AccessToken accessToken) {
        Objects.requireNonNull(accessToken, "access token");
        return BankFailures.translated(Endpoint.DATA, () -> {
            String authorization = bearer(accessToken);
            PagedRead read = PagedRead.start("tatrabanka accounts", settings.common().readDeadline(), clock);
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
            settings.common().requireAnotherPage("tatrabanka accounts", page - 1, size);
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
    public List<Transaction> transactions(AccessToken accessToken, TransactionFilter filter) {
        Objects.requireNonNull(accessToken, "access token");
        Objects.requireNonNull(filter, "transaction filter");
        return BankFailures.translated(Endpoint.DATA, () -> {
            String authorization = bearer(accessToken);
            PagedRead read = PagedRead.start("tatrabanka transactions", settings.common().readDeadline(), clock);
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
            settings.common().requireAnotherPage("tatrabanka transactions of an account", page - 1, size);
            String body = BankRequests.transactions(account.id(), settings.transactionStatus().name(), filter, page, size);
            BankMapping.Page<Transaction> answer = BankMapping.transactionsPage(BankMapping.object(read.page(() ->
                    BankFailures.translated(Endpoint.DATA, () -> data.transactions(authorization, body))), "accounts API (transactions)"),
                    account.id(), currency);
            received += answer.received();
            settings.common().requireTransactionsWithinLimit("tatrabanka transactions", received);
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

    /** Closes the REST clients: by CDI when the bean is destroyed, else by the provider that built this object. */
    @PreDestroy
    void close() {
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

    private static String bearer(AccessToken accessToken) {
        return "Bearer " + accessToken.reveal();
    }
}
