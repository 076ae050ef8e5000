package io.consentgateway.application.service;

import io.consentgateway.application.port.in.CallbackCommand;
import io.consentgateway.application.port.in.CallbackOutcome;
import io.consentgateway.application.port.in.FlowStarted;
import io.consentgateway.application.port.in.StartFlowCommand;
import io.consentgateway.application.port.in.TransactionsPage;
import io.consentgateway.application.port.in.TransactionsQuery;
import io.consentgateway.application.testing.FakeConsentProvider;
import io.consentgateway.application.testing.InMemoryConsents;
import io.consentgateway.application.testing.InMemoryFlows;
import io.consentgateway.application.testing.InMemoryTransactions;
import io.consentgateway.application.testing.MutableClock;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.flow.Flow;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.FlowOptions;
import io.consentgateway.domain.policy.ConsentPolicy;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.shared.RedirectUri;
import io.consentgateway.domain.shared.UserId;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The real services wired with the in-memory fakes and a fake nrich, plus the steps a test needs to reach
 * a situation: start a flow, let the user approve it in the widget, bring the browser back to the callback.
 */
final class GatewayHarness {
    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    static final UserId ALICE = new UserId("alice");
    static final UserId BOB = new UserId("bob");
    static final RedirectUri CALLBACK = RedirectUri.parse("https://gateway.example/callback");
    static final URI APP = URI.create("https://app.example/connect");
    static final Duration RETRY_DELAY = Duration.ofMinutes(15);

    final MutableClock clock = new MutableClock(T0);
    final ConsentPolicy policy = ConsentPolicy.defaults();
    final InMemoryTransactions transactions = new InMemoryTransactions();
    final InMemoryFlows flows = new InMemoryFlows();
    final InMemoryConsents consents = new InMemoryConsents(transactions);
    final FakeConsentProvider fake = new FakeConsentProvider(clock);
    final InterceptingProvider provider = new InterceptingProvider(fake);
    final ConsentProviders providers = new ConsentProviders(List.of(provider));
    final GatewaySettings settings = new GatewaySettings(CALLBACK, ProviderId.NRICH, Map.of(), policy,
            new ReturnToAllowList(List.of(APP)), APP.resolve("/connect/done"), Duration.ofMinutes(5), RETRY_DELAY);

    final StartFlowService startFlow = new StartFlowService(providers, flows, new SecureRandomStateGenerator(), settings, clock);
    final HandleCallbackService callback = new HandleCallbackService(flows, consents, transactions, providers, settings, clock);
    final TokenRefresher refresher = new TokenRefresher(consents, transactions, providers, settings, clock);
    final ConsentReader reader = new ConsentReader(consents, providers, refresher, settings, clock);
    final ReadAccountsService readAccounts = new ReadAccountsService(reader);
    final ReadTransactionsService readTransactions = new ReadTransactionsService(reader);
    final ReadIncomeReportService readIncomeReport = new ReadIncomeReportService(reader);
    final ListConsentsService listConsents = new ListConsentsService(consents, settings, clock);
    final ViewFlowService viewFlow = new ViewFlowService(flows);
    final RenewConsentService renewConsent = new RenewConsentService(reader, startFlow, providers, settings);
    final RevokeConsentService revokeConsent = new RevokeConsentService(reader, consents, clock);
    final KeepConsentsAliveService keepAlive = new KeepConsentsAliveService(flows, consents, refresher, settings, clock);

    // ---- flows ----

    FlowStarted startFlow(UserId user, FlowKind kind) {
        return startFlow.start(new StartFlowCommand(user, ProviderId.NRICH, kind, FlowOptions.defaultsFor(kind), Optional.empty()));
    }

    FlowStarted startOngoingFlow(UserId user) {
        return startFlow(user, FlowKind.ONGOING_ACCESS);
    }

    Flow flow(FlowId id) {
        return flows.findById(id).orElseThrow();
    }

    String stateOf(FlowId id) {
        return flow(id).state().value();
    }

    String providerFlowIdOf(FlowId id) {
        return flow(id).providerFlowId().orElseThrow();
    }

    /** The user approves in the widget; answers the code the browser brings back. */
    String approve(FlowId id) {
        return fake.approve(providerFlowIdOf(id));
    }

    /** The browser's successful return, nrich style, with a freshly approved code. */
    CallbackCommand approvedCallback(FlowId id) {
        return callbackWith(id, "true", approve(id), null, null, null);
    }

    CallbackCommand callbackWith(FlowId id, String success, String code, String abort, String cancel, String error) {
        return CallbackCommand.fromQuery(stateOf(id), success, code, abort, cancel, providerFlowIdOf(id), error);
    }

    CallbackOutcome completeFlow(FlowId id) {
        return callback.handle(approvedCallback(id));
    }

    /** Starts and completes a flow of the kind; answers the new consent. */
    ConsentId connect(UserId user, FlowKind kind) {
        CallbackOutcome outcome = completeFlow(startFlow(user, kind).flowId());
        return outcome.consentId().orElseThrow(() -> new AssertionError("flow did not complete: " + outcome));
    }

    ConsentId connectOngoing(UserId user) {
        return connect(user, FlowKind.ONGOING_ACCESS);
    }

    // ---- consents ----

    Consent consent(ConsentId id) {
        return consents.findById(id).orElseThrow();
    }

    TransactionsPage page(UserId user, ConsentId id, String account, Integer limit, String cursor) {
        return readTransactions.transactions(TransactionsQuery.parse(user, id.toString(), account, null, null, limit == null ? null : limit.toString(), cursor));
    }

    // ---- time ----

    void advance(Duration by) {
        clock.advance(by);
    }

    /** Sets the clock to {@code days} after {@link #T0}. */
    void atDay(long days) {
        clock.set(T0.plus(Duration.ofDays(days)));
    }

    Instant now() {
        return clock.instant();
    }
}
