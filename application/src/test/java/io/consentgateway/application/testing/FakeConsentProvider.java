package io.consentgateway.application.testing;

import io.consentgateway.application.port.out.CodeExchange;
import io.consentgateway.application.port.out.ConsentProvider;
import io.consentgateway.application.port.out.ProviderException;
import io.consentgateway.application.port.out.ProviderFlow;
import io.consentgateway.application.port.out.ProviderFlowRequest;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import io.consentgateway.application.port.out.TransactionFilter;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.Balance;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.finance.Money;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.shared.Iban;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.token.AccessToken;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake provider that behaves like nrich, for use-case tests: single-use codes valid for an hour, access
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
    public final AtomicInteger dataCalls = new AtomicInteger();

    private ProviderException nextExchangeFailure;
    private ProviderException nextRefreshFailure;
    private ProviderException nextDataFailure;
    private boolean omitRefreshTokenOnRefresh;

    public FakeConsentProvider(Clock clock) {
        this(ProviderId.NRICH, clock);
    }

    public FakeConsentProvider(ProviderId id, Clock clock) {
        this.id = id;
        this.clock = clock;
    }

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
        exchangeCalls.incrementAndGet();
        failIfArmed(nextExchangeFailure, () -> nextExchangeFailure = null);
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
        refreshCalls.incrementAndGet();
        failIfArmed(nextRefreshFailure, () -> nextRefreshFailure = null);
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
        if (omitRefreshTokenOnRefresh) {
            return new IssuedTokens(issued.accessToken(), Optional.empty(), issued.tokenType(), issued.scope(), issued.expiresIn());
        }
        return issued;
    }

    @Override
    public synchronized List<Account> accounts(AccessToken accessToken) {
        requireValid(accessToken);
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

    public synchronized void failNextExchange(ProviderException failure) {
        nextExchangeFailure = failure;
    }

    public synchronized void failNextRefresh(ProviderException failure) {
        nextRefreshFailure = failure;
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
