package io.consentgateway.application.service;

import io.consentgateway.application.port.in.CallbackCommand;
import io.consentgateway.application.port.in.CallbackOutcome;
import io.consentgateway.application.port.in.FlowStarted;
import io.consentgateway.application.port.in.StartFlowCommand;
import io.consentgateway.application.port.in.TransactionsPage;
import io.consentgateway.application.port.in.TransactionsQuery;
import io.consentgateway.application.testing.FakeConsentProvider;
import io.consentgateway.application.port.out.Consents;
import io.consentgateway.application.port.out.Flows;
import io.consentgateway.application.testing.InMemoryAccountDataStore;
import io.consentgateway.application.testing.InMemoryEventOutbox;
import io.consentgateway.application.testing.InMemoryConsents;
import io.consentgateway.application.testing.InMemoryFlows;
import io.consentgateway.application.testing.InMemoryRefreshJournal;
import io.consentgateway.application.testing.InMemoryUnitOfWork;
import io.consentgateway.application.testing.MutableClock;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.flow.Flow;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.flow.FlowCompletion;
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
import java.util.EnumSet;
import java.util.Set;

/**
 * The real services wired with the in-memory fakes and a fake nrich, plus the steps a test needs to reach
 * a situation: start a flow, let the user approve it in the widget, bring the browser back to the callback.
 */
final class GatewayHarness {
    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    static final UserId ALICE = new UserId("alice");
    static final UserId BOB = new UserId("bob");
    static final RedirectUri CALLBACK_BASE = RedirectUri.parse("https://gateway.example/callback");
    static final RedirectUri CALLBACK = RedirectUri.parse("https://gateway.example/callback/fake");
    static final URI APP = URI.create("https://app.example/connect");
    static final Duration RETRY_DELAY = Duration.ofMinutes(15);
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(6);
    /** How many flows may wait for one user at once. */
    static final int MAX_WAITING_FLOWS = 5;

    final MutableClock clock = new MutableClock(T0);
    final ConsentPolicy policy = ConsentPolicy.defaults();
    final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    final InMemoryFlows flows = new InMemoryFlows();
    final InMemoryRefreshJournal journal = new InMemoryRefreshJournal();
    final InMemoryConsents consents = new InMemoryConsents(unitOfWork, journal);
    final InMemoryAccountDataStore store = new InMemoryAccountDataStore();
    /** Every event the use cases record, as they would be delivered to the endpoint {@code fintech}. */
    final InMemoryEventOutbox outbox = new InMemoryEventOutbox();
    final EventRecorder events = new EventRecorder(outbox, WebhookSettings.defaults().withEndpoints(List.of("fintech")), clock);
    /** The repositories as the use cases see them: each save records its events. */
    final Consents recordingConsents = new RecordingConsents(consents, unitOfWork, events);
    final Flows recordingFlows = new RecordingFlows(flows, unitOfWork, events);
    final DataSettings dataSettings = DataSettings.defaults();
    final GatewaySettings settings;
    final FakeConsentProvider fake;
    final InterceptingProvider provider;
    final ConsentProviders providers;
    /** A second provider, for the tests of two providers side by side (mix-up defence). */
    final FakeConsentProvider secondFake = new FakeConsentProvider(new ProviderId("otherbank"), clock);

    final StartFlowService startFlow;
    final HandleCallbackService callback;
    final CompleteFlowService completeFlow;
    final TokenRefresher refresher;
    final ConsentReader reader;
    final ReadAccountsService readAccounts;
    final ReadTransactionsService readTransactions;
    final ReadIncomeReportService readIncomeReport;
    final ListConsentsService listConsents;
    final ViewFlowService viewFlow;
    final RenewConsentService renewConsent;
    final RevokeConsentService revokeConsent;
    final KeepConsentsAliveService keepAlive;
    final AccountDataSync dataSync;
    final StoredData storedData;
    final MaintainAccountDataService maintainData;
    final EraseUserService eraseUser;
    static final int FUSE_REFUSALS = 3;
    static final Duration FUSE_WINDOW = Duration.ofMinutes(10);
    final RefusalFuse fuse = new RefusalFuse(FUSE_REFUSALS, FUSE_WINDOW, clock);

    GatewayHarness() {
        this(EnumSet.allOf(FlowKind.class));
    }

    /** With a fake provider that offers only these kinds. */
    GatewayHarness(Set<FlowKind> kinds) {
        this(kinds, FlowCompletion.REDIRECT, Duration.ZERO);
    }

    /** With every kind, and flows completing as {@code completion} unless a command asks for more. */
    GatewayHarness(FlowCompletion completion) {
        this(EnumSet.allOf(FlowKind.class), completion, Duration.ZERO);
    }

    /** With every kind, flows completing as {@code completion}, and an exchange not sent tried again for {@code patience}. */
    GatewayHarness(FlowCompletion completion, Duration patience) {
        this(EnumSet.allOf(FlowKind.class), completion, patience);
    }

    private GatewayHarness(Set<FlowKind> kinds, FlowCompletion completion, Duration patience) {
        settings = new GatewaySettings(CALLBACK_BASE, Optional.empty(), FakeConsentProvider.ID, Map.of(), policy,
                new ReturnToAllowList(List.of(APP)), APP.resolve("/connect/done"), Duration.ofMinutes(5), RETRY_DELAY,
                MAX_RETRY_AFTER, completion, patience, MAX_WAITING_FLOWS);
        viewFlow = new ViewFlowService(recordingFlows);
        listConsents = new ListConsentsService(recordingConsents, store, settings, dataSettings, clock);
        fake = new FakeConsentProvider(FakeConsentProvider.ID, clock, kinds);
        provider = new InterceptingProvider(fake);
        providers = new ConsentProviders(List.of(provider));
        startFlow = new StartFlowService(providers, recordingFlows, new SecureRandomStateGenerator(), settings, clock);
        callback = new HandleCallbackService(recordingFlows, recordingConsents, unitOfWork, providers, new SecureRandomStateGenerator(),
                settings, clock);
        completeFlow = new CompleteFlowService(recordingFlows, recordingConsents, unitOfWork, providers, settings, clock);
        refresher = new TokenRefresher(recordingConsents, journal, unitOfWork, providers, settings, fuse, clock);
        reader = new ConsentReader(recordingConsents, providers, refresher, settings, clock);
        dataSync = new AccountDataSync(store, reader, dataSettings, unitOfWork, events, clock);
        storedData = new StoredData(reader, dataSync, store, settings, dataSettings, clock);
        readAccounts = new ReadAccountsService(storedData);
        readTransactions = new ReadTransactionsService(storedData);
        readIncomeReport = new ReadIncomeReportService(storedData);
        renewConsent = new RenewConsentService(reader, startFlow, providers, settings);
        revokeConsent = new RevokeConsentService(reader, recordingConsents, store, clock);
        keepAlive = new KeepConsentsAliveService(recordingFlows, recordingConsents, refresher, settings, clock);
        maintainData = new MaintainAccountDataService(store, recordingConsents, dataSync, settings, dataSettings, clock);
        eraseUser = new EraseUserService(recordingFlows, recordingConsents, store, outbox, unitOfWork);
    }

    /** The callback use case with both providers installed. */
    HandleCallbackService callbackWithSecondProvider() {
        return new HandleCallbackService(flows, consents, unitOfWork, new ConsentProviders(List.of(provider, secondFake)),
                new SecureRandomStateGenerator(), settings, clock);
    }

    /** Starts an ongoing flow with the second provider; answers its id. */
    FlowId startFlowWithSecondProvider(UserId user) {
        return new StartFlowService(new ConsentProviders(List.of(provider, secondFake)), flows, new SecureRandomStateGenerator(),
                settings, clock).start(new StartFlowCommand(user, secondFake.id(), FlowKind.ONGOING_ACCESS,
                FlowOptions.defaultsFor(FlowKind.ONGOING_ACCESS), Map.of(), Optional.empty())).flowId();
    }

    // ---- flows ----

    FlowStarted startFlow(UserId user, FlowKind kind) {
        return startFlow.start(new StartFlowCommand(user, FakeConsentProvider.ID, kind, FlowOptions.defaultsFor(kind), Map.of(),
                Optional.empty()));
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
        return callbackFor(id).success("true").code(approve(id)).build();
    }

    /**
     * A callback for the flow as the provider's redirect would bring it, its state and the provider's flow id set; the
     * builder names whatever else it carries ({@code success}, {@code code}, {@code abort}, {@code cancel}, {@code error}).
     */
    CallbackBuilder callbackFor(FlowId id) {
        return new CallbackBuilder(stateOf(id), providerFlowIdOf(id));
    }

    /** The query parameters of a callback, each named where it is set. */
    static final class CallbackBuilder {
        private final java.util.LinkedHashMap<String, String> parameters = new java.util.LinkedHashMap<>();

        CallbackBuilder(String state, String providerFlowId) {
            parameters.put("state", state);
            parameters.put("flow_id", providerFlowId);
        }

        CallbackBuilder success(String value) {
            return with("success", value);
        }

        CallbackBuilder code(String value) {
            return with("code", value);
        }

        CallbackBuilder abort(String value) {
            return with("abort", value);
        }

        CallbackBuilder cancel(String value) {
            return with("cancel", value);
        }

        CallbackBuilder error(String value) {
            return with("error", value);
        }

        private CallbackBuilder with(String name, String value) {
            parameters.put(name, value);
            return this;
        }

        CallbackCommand build() {
            return callbackQuery(parameters.entrySet().stream()
                    .flatMap(parameter -> java.util.stream.Stream.of(parameter.getKey(), parameter.getValue()))
                    .toArray(String[]::new));
        }
    }

    /** A callback at the fake's own endpoint, {@code /callback/fake}: name, value, ... (null values left out). */
    static CallbackCommand callbackQuery(String... namesAndValues) {
        return CallbackCommand.fromQuery(Optional.of(FakeConsentProvider.ID.value()), query(namesAndValues));
    }

    static Map<String, List<String>> query(String... namesAndValues) {
        Map<String, List<String>> query = new java.util.HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                query.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
            }
        }
        return query;
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
