package io.consentgateway.application.testing;

import io.consentgateway.application.port.out.CallbackParameters;
import io.consentgateway.application.port.out.CallbackResult;
import io.consentgateway.application.port.out.CodeExchange;
import io.consentgateway.application.port.out.ConsentProvider;
import io.consentgateway.application.port.out.ProviderException;
import io.consentgateway.application.port.out.ProviderFlow;
import io.consentgateway.application.port.out.ProviderFlowRequest;
import io.consentgateway.application.port.out.ProviderOptionsRejected;
import io.consentgateway.application.port.out.ProviderNotReached;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import io.consentgateway.application.port.out.TransactionFilter;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.Balance;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.finance.Money;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.flow.FlowFailure;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.ProviderOptions;
import io.consentgateway.domain.shared.Iban;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.token.AccessToken;
import io.consentgateway.domain.token.AuthorizationCode;
import io.consentgateway.domain.token.IssuedTokens;
import io.consentgateway.domain.token.RefreshToken;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A fake provider for use-case tests, passing the same {@code ConsentProviderContract} as the real adapters
 * ({@code FakeConsentProviderContractTest}). It speaks an aggregator's callback vocabulary ({@code success},
 * {@code code}, {@code abort} or {@code cancel}, {@code flow_id}, or OAuth's {@code error}) and behaves like one: single-use codes valid for an hour, access
 * tokens valid for an hour, rotating refresh tokens valid 90 days from their own issue, with reuse detection (an already used refresh
 * token revokes the whole chain), one-time data that lapses an hour after grant and whose refresh token never
 * works. It counts the calls it receives, so tests can assert that the provider was (not) reached.
 */
public final class FakeConsentProvider implements ConsentProvider {
    public static final Duration CODE_LIFETIME = Duration.ofHours(1);
    public static final Duration ACCESS_LIFETIME = Duration.ofHours(1);
    public static final Duration REFRESH_LIFETIME = Duration.ofDays(90);

    private final ProviderId id;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();

    private final Map<String, PendingFlow> flows = new HashMap<>();
    private final Map<String, IssuedCode> codes = new HashMap<>();
    private final Map<String, Grant> accessTokens = new HashMap<>();
    private final Map<String, Grant> refreshTokens = new HashMap<>();
    private final Set<String> usedRefreshTokens = new HashSet<>();

    public final List<ProviderFlowRequest> startRequests = new ArrayList<>();
    public final AtomicInteger exchangeCalls = new AtomicInteger();
    public final AtomicInteger refreshCalls = new AtomicInteger();
    private int refreshAnswersToLose;
    private int exchangesToRefuse;
    public final AtomicInteger dataCalls = new AtomicInteger();

    private ProviderException nextExchangeFailure;
    private ProviderException nextRefreshFailure;
    private ProviderException nextDataFailure;
    private boolean omitRefreshTokenOnRefresh;

    public static final ProviderId ID = new ProviderId("fake");
    /** The one provider option the fake knows: a text of at most 32 characters. */
    public static final String LABEL_OPTION = "label";

    public FakeConsentProvider(Clock clock) {
        this(ID, clock);
    }

    public FakeConsentProvider(ProviderId id, Clock clock) {
        this(id, clock, EnumSet.allOf(FlowKind.class));
    }

    /** A fake that offers only these kinds of flow (a bank, say, that has no income report). */
    public FakeConsentProvider(ProviderId id, Clock clock, Set<FlowKind> kinds) {
        this.id = id;
        this.clock = clock;
        this.kinds = Set.copyOf(kinds);
    }

    private final Set<FlowKind> kinds;

    private record PendingFlow(ProviderFlowRequest request) {
    }

    private record IssuedCode(String flowId, FlowKind kind, Instant expiresAt) {
    }

    /** One chain of tokens from one code exchange. */
    private static final class Grant {
        final FlowKind kind;
        final Instant grantedAt;
        boolean revoked;

        Grant(FlowKind kind, Instant grantedAt) {
            this.kind = kind;
            this.grantedAt = grantedAt;
        }
    }

    @Override
    public ProviderId id() {
        return id;
    }

    @Override
    public Set<FlowKind> supportedKinds() {
        return kinds;
    }

    @Override
    public ProviderOptions checkOptions(FlowKind kind, Map<String, Object> requested) {
        Map<String, String> errors = new TreeMap<>();
        ProviderOptions options = ProviderOptions.NONE;
        for (Map.Entry<String, Object> option : requested.entrySet()) {
            if (!option.getKey().equals(LABEL_OPTION)) {
                errors.put(option.getKey(), "is not an option of provider " + id);
            } else if (option.getValue() != null && !(option.getValue() instanceof String)) {
                errors.put(option.getKey(), "must be text");
            } else if (option.getValue() != null && ((String) option.getValue()).length() > 32) {
                errors.put(option.getKey(), "must be at most 32 characters");
            } else if (option.getValue() != null) {
                options = options.with(LABEL_OPTION, (String) option.getValue());
            }
        }
        if (!errors.isEmpty()) {
            throw new ProviderOptionsRejected(errors);
        }
        return options;
    }

    @Override
    public CallbackResult interpretCallback(CallbackParameters callback, Optional<String> providerFlowId) {
        Optional<String> flowId = callback.nonBlank("flow_id");
        if (flowId.isPresent() && providerFlowId.isPresent() && !flowId.equals(providerFlowId)) {
            return CallbackResult.notThisFlow("callback flow_id does not match the flow");
        }
        Optional<String> error = callback.nonBlank("error");
        if (callback.isTrue("abort") || callback.isTrue("cancel") || error.filter("access_denied"::equals).isPresent()) {
            return CallbackResult.cancelled();
        }
        if (error.isPresent() || callback.nonBlank("success").filter(v -> !v.equalsIgnoreCase("true")).isPresent()) {
            return CallbackResult.failed(FlowFailure.PROVIDER_REPORTED_FAILURE);
        }
        return callback.nonBlank("code").map(code -> CallbackResult.approved(new AuthorizationCode(code)))
                .orElseGet(() -> CallbackResult.failed(FlowFailure.MISSING_CODE));
    }

    @Override
    public synchronized ProviderFlow startFlow(ProviderFlowRequest request) {
        startRequests.add(request);
        String flowId = UUID.randomUUID().toString();
        flows.put(flowId, new PendingFlow(request));
        return new ProviderFlow(Optional.of(flowId), URI.create("https://widget.example/" + flowId), Optional.empty());
    }

    /** The user approves in the widget: answers the code the browser would carry to the callback. */
    public synchronized String approve(String providerFlowId) {
        PendingFlow flow = flows.get(providerFlowId);
        if (flow == null) {
            throw new IllegalArgumentException("no such flow at the provider");
        }
        String code = "code-" + sequence.incrementAndGet() + "-" + UUID.randomUUID();
        codes.put(code, new IssuedCode(providerFlowId, flow.request().kind(), clock.instant().plus(CODE_LIFETIME)));
        return code;
    }

    @Override
    public synchronized IssuedTokens exchangeCode(CodeExchange exchange) {
        requireReachable();
        exchangeCalls.incrementAndGet();
        if (exchangesToRefuse > 0) {
            exchangesToRefuse--;
            throw new ProviderNotReached("the fake provider takes no more exchanges right now");
        }
        failIfArmed(nextExchangeFailure, () -> nextExchangeFailure = null);
        if (tokenScript != null) {
            return tokenScript.get();
        }
        IssuedCode code = codes.remove(exchange.code().reveal()); // single use: gone on first presentation
        if (code == null || !clock.instant().isBefore(code.expiresAt())) {
            throw new ReauthorizationRequired("code unknown, used or expired");
        }
        if (!flows.get(code.flowId()).request().redirectUri().equals(exchange.redirectUri())) {
            throw new ReauthorizationRequired("redirect_uri differs from the flow's");
        }
        return issue(new Grant(code.kind(), clock.instant()));
    }

    @Override
    public synchronized IssuedTokens refresh(RefreshToken refreshToken) {
        requireReachable();
        refreshCalls.incrementAndGet();
        failIfArmed(nextRefreshFailure, () -> nextRefreshFailure = null);
        if (tokenScript != null) {
            return tokenScript.get();
        }
        String presented = refreshToken.reveal();
        if (usedRefreshTokens.contains(presented)) {
            Grant chain = refreshTokens.get(presented);
            if (chain != null) {
                chain.revoked = true; // reuse detected: the whole chain is revoked
            }
            throw new ReauthorizationRequired("refresh token reused");
        }
        Grant grant = refreshTokens.get(presented);
        if (grant == null || grant.revoked || grant.kind != FlowKind.ONGOING_ACCESS
                || !clock.instant().isBefore(grantIssuedAt.get(presented).plus(REFRESH_LIFETIME))) {
            throw new ReauthorizationRequired("refresh token invalid");
        }
        usedRefreshTokens.add(presented);
        IssuedTokens issued = issue(grant);
        if (refreshAnswersToLose > 0) {
            refreshAnswersToLose--;
            throw new ProviderUnavailable("the fake provider refreshed, and its answer was lost", Optional.empty(), true, null);
        }
        if (omitRefreshTokenOnRefresh) {
            return new IssuedTokens(issued.accessToken(), Optional.empty(), issued.tokenType(), issued.scope(), issued.expiresIn());
        }
        return issued;
    }

    @Override
    public synchronized List<Account> accounts(AccessToken accessToken) {
        requireValid(accessToken);
        if (stagedAccounts.containsKey(accessToken.reveal())) {
            return List.of(stagedAccounts.get(accessToken.reveal()).account());
        }
        Iban iban = Iban.parse("DE89370400440532013000");
        return List.of(new Account("acc-1", Optional.of(iban), Optional.of("0532013000"), Optional.of("37040044"),
                Optional.of("COBADEFFXXX"), Optional.of("Girokonto"), Optional.of("Erika Mustermann"),
                Optional.of("Commerzbank"), Optional.of(Currency.getInstance("EUR")), Optional.of("Giro account"),
                Optional.of(new Balance(Money.of("1523.42", "EUR"), Optional.of(clock.instant()), Optional.empty(),
                        Optional.empty()))),
                new Account("acc-2", Optional.empty(), Optional.of("0532013001"), Optional.of("37040044"), Optional.empty(),
                        Optional.of("Tagesgeld"), Optional.of("Erika Mustermann"), Optional.of("Commerzbank"),
                        Optional.of(Currency.getInstance("EUR")), Optional.of("Savings account"), Optional.empty()));
    }

    @Override
    public synchronized List<Transaction> transactions(AccessToken accessToken, TransactionFilter filter) {
        requireValid(accessToken);
        if (stagedAccounts.containsKey(accessToken.reveal())) {
            return stagedAccounts.get(accessToken.reveal()).transactions();
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Transaction> all = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            LocalDate date = today.minusDays(i / 2);
            String account = i % 5 == 0 ? "acc-2" : "acc-1";
            all.add(new Transaction("tx-" + i, account, new Money(BigDecimal.valueOf(-(i + 1), 1).add(BigDecimal.ONE),
                    Currency.getInstance("EUR")), Optional.of(date), Optional.of(date), true, Optional.of("Shop " + i),
                    Optional.empty(), Optional.empty(), Optional.of("Purchase " + i), Optional.empty(), Optional.empty(),
                    List.of(), Optional.empty(), Optional.empty(), Optional.empty()));
        }
        all.addAll(lateBookings);
        transactionFilters.add(filter);
        return all.stream()
                .filter(t -> filter.accountIds().isEmpty() || filter.accountIds().contains(t.accountId()))
                .filter(t -> filter.from().map(f -> !t.bookingDate().orElseThrow().isBefore(f)).orElse(true))
                .filter(t -> filter.to().map(to -> !t.bookingDate().orElseThrow().isAfter(to)).orElse(true))
                .toList();
    }

    @Override
    public synchronized IncomeReport incomeReport(AccessToken accessToken, String providerFlowId) {
        requireValid(accessToken);
        IncomeReport.Figures salary = new IncomeReport.Figures(Optional.of(new BigDecimal("42000.00")),
                Optional.of(new BigDecimal("3500.00")), Optional.of(new BigDecimal("3500.00")),
                Optional.of(new BigDecimal("3500.00")), Optional.of(12));
        return new IncomeReport(Optional.of(LocalDate.of(2025, 11, 1)), Optional.of(LocalDate.of(2026, 10, 31)),
                Optional.of("EUR"), salary, List.of(), IncomeReport.Figures.empty(), List.of(), IncomeReport.Figures.empty(),
                IncomeReport.Figures.empty(), Optional.empty(), IncomeReport.Figures.empty());
    }

    // ---- test controls ----

    private final List<Transaction> lateBookings = new ArrayList<>();
    /** The filter of every transactions call, in order. */
    public final List<TransactionFilter> transactionFilters = new ArrayList<>();

    /** Books a transaction into every consent's history (which is generated, not stored), e.g. dated in the past. */
    public synchronized void book(Transaction late) {
        lateBookings.add(late);
    }

    private Supplier<IssuedTokens> tokenScript;
    private boolean unreachable;
    private final Map<String, StagedAccount> stagedAccounts = new HashMap<>();

    private record StagedAccount(Account account, List<Transaction> transactions) {
    }

    /** From now on every exchange and refresh answers what {@code script} supplies (or throws), without checking codes. */
    public synchronized void scriptTokenAnswers(Supplier<IssuedTokens> script) {
        tokenScript = script;
    }

    /** From now on no call reaches this provider: every one fails as never sent. */
    public synchronized void becomeUnreachable() {
        unreachable = true;
    }

    /** Makes {@code accessToken} valid for one account with {@code count} transactions; answers the account's id. */
    public synchronized String stageAccount(String accessToken, int count) {
        Grant grant = new Grant(FlowKind.ONGOING_ACCESS, clock.instant());
        accessTokens.put(accessToken, grant);
        grantIssuedAt.put(accessToken, clock.instant());
        String accountId = "staged-" + sequence.incrementAndGet();
        Account account = new Account(accountId, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("Staged"), Optional.empty(), Optional.empty(), Optional.of(Currency.getInstance("EUR")),
                Optional.empty(), Optional.empty());
        List<Transaction> transactions = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (int i = 0; i < count; i++) {
            transactions.add(new Transaction("staged-tx-" + i, accountId, Money.of("-1.00", "EUR"), Optional.of(today),
                    Optional.of(today), true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty()));
        }
        stagedAccounts.put(accessToken, new StagedAccount(account, List.copyOf(transactions)));
        return accountId;
    }

    private void requireReachable() {
        if (unreachable) {
            throw new ProviderNotReached("the fake provider cannot be reached");
        }
    }

    public synchronized void failNextExchange(ProviderException failure) {
        nextExchangeFailure = failure;
    }

    /**
     * The next {@code count} exchanges are refused before they are sent, as by a full bulkhead or an open circuit
     * ({@link ProviderNotReached}): the code stays valid. (Counted in {@link #exchangeCalls} all the same.)
     */
    public synchronized void refuseNextExchangesUnsent(int count) {
        exchangesToRefuse = count;
    }

    public synchronized void failNextRefresh(ProviderException failure) {
        nextRefreshFailure = failure;
    }

    /**
     * The next {@code count} refreshes are carried out (the presented token is spent, a new pair issued) and their
     * answers lost on the way back, as after a read timeout: the caller sees an in-doubt {@link ProviderUnavailable}.
     */
    public synchronized void loseRefreshAnswers(int count) {
        refreshAnswersToLose = count;
    }

    public synchronized void failNextDataCall(ProviderException failure) {
        nextDataFailure = failure;
    }

    public synchronized void omitRefreshTokenOnRefresh(boolean omit) {
        omitRefreshTokenOnRefresh = omit;
    }

    /** The provider revokes every grant (as after 90 days without activity, or the user revoking at the bank). */
    public synchronized void revokeAll() {
        accessTokens.values().forEach(g -> g.revoked = true);
        refreshTokens.values().forEach(g -> g.revoked = true);
    }

    /** Invalidates one access token early (the provider may drop tokens before they expire). */
    public synchronized void invalidate(AccessToken token) {
        accessTokens.remove(token.reveal());
    }

    public synchronized ProviderFlowRequest lastStartRequest() {
        return startRequests.get(startRequests.size() - 1);
    }

    private IssuedTokens issue(Grant grant) {
        long n = sequence.incrementAndGet();
        String access = "at-" + n + "-" + UUID.randomUUID();
        String refresh = "rt-" + n + "-" + UUID.randomUUID();
        accessTokens.put(access, grant);
        refreshTokens.put(refresh, grant);
        grantIssuedAt.put(access, clock.instant());
        grantIssuedAt.put(refresh, clock.instant()); // each refresh token lives 90 days from its own issue
        String scope = grant.kind == FlowKind.ONGOING_ACCESS
                ? "accounts=ro balance=ro transactions=ro offline" : "accounts=ro balance=ro transactions=ro";
        // nrich returns a refresh token for one-time flows too; the application must drop it.
        return IssuedTokens.of(access, refresh, ACCESS_LIFETIME, scope);
    }

    private final Map<String, Instant> grantIssuedAt = new HashMap<>();

    private void requireValid(AccessToken token) {
        requireReachable();
        dataCalls.incrementAndGet();
        failIfArmed(nextDataFailure, () -> nextDataFailure = null);
        Grant grant = accessTokens.get(token.reveal());
        Instant issuedAt = grantIssuedAt.get(token.reveal());
        Instant now = clock.instant();
        if (grant == null || grant.revoked || !now.isBefore(issuedAt.plus(ACCESS_LIFETIME))) {
            throw new ReauthorizationRequired("access token invalid or expired");
        }
        if (grant.kind != FlowKind.ONGOING_ACCESS && !now.isBefore(grant.grantedAt.plus(Duration.ofHours(1)))) {
            throw new ReauthorizationRequired("one-time data deleted");
        }
    }

    private static void failIfArmed(ProviderException failure, Runnable disarm) {
        if (failure != null) {
            disarm.run();
            throw failure;
        }
    }
}
