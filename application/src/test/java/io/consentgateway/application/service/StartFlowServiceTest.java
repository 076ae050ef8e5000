package io.consentgateway.application.service;

import io.consentgateway.application.port.in.FieldError;
import io.consentgateway.application.port.in.FlowStarted;
import io.consentgateway.application.port.in.InvalidInput;
import io.consentgateway.application.port.in.RenewConsentCommand;
import io.consentgateway.application.port.in.StartFlowCommand;
import io.consentgateway.application.port.in.TooManyWaitingFlows;
import io.consentgateway.application.port.out.ProviderFlowRequest;
import io.consentgateway.application.port.out.StateGenerator;
import io.consentgateway.application.testing.FakeConsentProvider;
import io.consentgateway.domain.flow.Flow;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.FlowOptions;
import io.consentgateway.domain.flow.ProviderOptions;
import io.consentgateway.domain.flow.FlowStatus;
import io.consentgateway.domain.flow.State;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.Language;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.shared.ReportingPeriod;
import io.consentgateway.domain.shared.SyncPeriod;
import io.consentgateway.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.consentgateway.application.service.GatewayHarness.ALICE;
import static io.consentgateway.application.service.GatewayHarness.BOB;
import static io.consentgateway.application.service.GatewayHarness.CALLBACK;
import static io.consentgateway.application.service.GatewayHarness.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StartFlowServiceTest {
    final GatewayHarness h = new GatewayHarness();

    StartFlowCommand.Input input(String kind) {
        return new StartFlowCommand.Input("alice", kind, null, null, null, null, null, null, null, null);
    }

    @Test
    void aStartedFlowHandsBackTheProvidersWidgetUrlAndExpiresInOneHour() {
        FlowStarted started = h.startOngoingFlow(ALICE);

        Flow stored = h.flow(started.flowId());
        assertThat(started.widgetUrl()).isEqualTo(URI.create("https://widget.example/" + stored.providerFlowId().orElseThrow()));
        assertThat(started.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(stored.status()).isEqualTo(FlowStatus.AWAITING_USER);
        assertThat(stored.userId()).isEqualTo(ALICE);
    }

    @Test
    void oneFlowMoreThanMayWaitForAUserIsRefusedBeforeTheProviderIsAsked() {
        List<FlowStarted> waiting = new ArrayList<>();
        for (int i = 0; i < GatewayHarness.MAX_WAITING_FLOWS; i++) {
            waiting.add(h.startOngoingFlow(ALICE));
        }
        int asked = h.fake.startRequests.size();

        h.clock.advance(Duration.ofMinutes(10));
        assertThatThrownBy(() -> h.startOngoingFlow(ALICE)).isInstanceOf(TooManyWaitingFlows.class)
                .hasMessageContaining(GatewayHarness.MAX_WAITING_FLOWS + " flows")
                .extracting(refused -> ((TooManyWaitingFlows) refused).retryAfter())
                .as("the first waiting flow lapses an hour after it started").isEqualTo(Duration.ofMinutes(50));
        assertThat(h.fake.startRequests).as("the provider was not asked").hasSize(asked);
        assertThat(h.flows.waiting(ALICE, h.clock.instant()).count()).as("nothing stored")
                .isEqualTo(GatewayHarness.MAX_WAITING_FLOWS);
        assertThat(h.startOngoingFlow(BOB).flowId()).as("another user's flows are their own").isNotNull();
    }

    @Test
    void startsOfOneUserAtTheSameMomentCannotAllPassTheCountWhileTheFirstIsStillAtTheProvider() throws Exception {
        // Each start lingers between the count and the stored flow, as one does while its provider answers.
        StateGenerator slowStates = () -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new SecureRandomStateGenerator().newState();
        };
        StartFlowService service = new StartFlowService(h.providers, h.flows, slowStates, h.settings, h.clock);
        int parallel = 3 * GatewayHarness.MAX_WAITING_FLOWS;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<FlowStarted>> starts = new ArrayList<>();
        try {
            for (int i = 0; i < parallel; i++) {
                starts.add(pool.submit(() -> {
                    go.await();
                    return service.start(new StartFlowCommand(ALICE, FakeConsentProvider.ID, FlowKind.ONGOING_ACCESS,
                            FlowOptions.defaultsFor(FlowKind.ONGOING_ACCESS), Map.of(), Optional.empty()));
                }));
            }
            go.countDown();
            int started = 0;
            int refused = 0;
            for (Future<FlowStarted> start : starts) {
                try {
                    start.get(10, TimeUnit.SECONDS);
                    started++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(TooManyWaitingFlows.class);
                    refused++;
                }
            }
            assertThat(started).isEqualTo(GatewayHarness.MAX_WAITING_FLOWS);
            assertThat(refused).isEqualTo(parallel - GatewayHarness.MAX_WAITING_FLOWS);
            assertThat(h.flows.waiting(ALICE, T0).count()).isEqualTo(GatewayHarness.MAX_WAITING_FLOWS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWaitingFlowFreesItsPlaceWhenTheUserComesBackOrWhenItLapses() {
        List<FlowStarted> waiting = new ArrayList<>();
        for (int i = 0; i < GatewayHarness.MAX_WAITING_FLOWS; i++) {
            waiting.add(h.startOngoingFlow(ALICE));
        }

        h.callback.handle(h.approvedCallback(waiting.get(0).flowId()));
        h.startOngoingFlow(ALICE);
        assertThatThrownBy(() -> h.startOngoingFlow(ALICE)).isInstanceOf(TooManyWaitingFlows.class);

        h.advance(Duration.ofHours(1));
        assertThat(h.startOngoingFlow(ALICE).flowId()).as("every earlier flow has lapsed").isNotNull();
    }

    @Test
    void aRenewalCountsAsAFlowWaitingForTheUser() {
        ConsentId consent = h.connectOngoing(ALICE);
        for (int i = 0; i < GatewayHarness.MAX_WAITING_FLOWS; i++) {
            h.startOngoingFlow(ALICE);
        }

        assertThatThrownBy(() -> h.renewConsent.renew(new RenewConsentCommand(ALICE, consent, Language.EN, Optional.empty())))
                .isInstanceOf(TooManyWaitingFlows.class);
    }

    @Test
    void theProviderRequestAlwaysCarriesTheGatewaysRedirectUriAndTheUser() {
        h.startFlow(ALICE, FlowKind.ONE_TIME_ACCESS);

        ProviderFlowRequest request = h.fake.lastStartRequest();
        assertThat(request.redirectUri()).isEqualTo(CALLBACK);
        assertThat(request.userId()).isEqualTo(ALICE);
        assertThat(request.renewal()).isFalse();
    }

    @Test
    void aProviderRequestWithoutRedirectUriIsRejected() {
        assertThatThrownBy(() -> new ProviderFlowRequest(FlowKind.ONGOING_ACCESS, new SecureRandomStateGenerator().newState(),
                null, ALICE, FlowOptions.defaultsFor(FlowKind.ONGOING_ACCESS), false))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("redirect URI");
    }

    @Test
    void aRenewalRequestForAOneTimeKindIsRejected() {
        assertThatThrownBy(() -> new ProviderFlowRequest(FlowKind.ONE_TIME_ACCESS, new SecureRandomStateGenerator().newState(),
                CALLBACK, ALICE, FlowOptions.defaultsFor(FlowKind.ONE_TIME_ACCESS), true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOngoingFlowWithoutOptionsGetsTheProvidersDefaults() {
        h.startFlow.start(input("ongoing_access").parse(FakeConsentProvider.ID));

        FlowOptions sent = h.fake.lastStartRequest().options();
        assertThat(sent.language()).isEqualTo(Language.DE);
        assertThat(sent.syncPeriod()).contains(new SyncPeriod(90));
        assertThat(sent.providerOptions().isEmpty()).isTrue();
        assertThat(sent.reportingPeriod()).isEmpty();
    }

    @Test
    void anIncomeReportWithoutOptionsAsksFor12MonthsOfReporting() {
        h.startFlow.start(input("income-report").parse(FakeConsentProvider.ID));

        FlowOptions sent = h.fake.lastStartRequest().options();
        assertThat(sent.reportingPeriod()).contains(new ReportingPeriod(12));
        assertThat(sent.syncPeriod()).isEmpty();
    }

    @Test
    void theStoredFlowKeepsTheOptionsSentToTheProvider() {
        FlowStarted started = h.startFlow(ALICE, FlowKind.INCOME_REPORT);

        assertThat(h.flow(started.flowId()).options()).isEqualTo(h.fake.lastStartRequest().options());
    }

    @Test
    void aReturnUrlOutsideTheAllowListIsRejectedBeforeTheProviderIsCalled() {
        StartFlowCommand command = new StartFlowCommand(ALICE, FakeConsentProvider.ID, FlowKind.ONGOING_ACCESS,
                FlowOptions.defaultsFor(FlowKind.ONGOING_ACCESS), Map.of(), Optional.of(URI.create("https://evil.example/connect")));

        assertThatThrownBy(() -> h.startFlow.start(command))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("returnTo"));
        assertThat(h.fake.startRequests).isEmpty();
        assertThat(h.flows.size()).isZero();
    }

    @Test
    void aReturnUrlThatOnlySharesAPrefixWithAnAllowedPathIsRejected() {
        StartFlowCommand command = new StartFlowCommand(ALICE, FakeConsentProvider.ID, FlowKind.ONGOING_ACCESS,
                FlowOptions.defaultsFor(FlowKind.ONGOING_ACCESS), Map.of(), Optional.of(URI.create("https://app.example/connect-evil")));

        assertThatThrownBy(() -> h.startFlow.start(command)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void anAllowedReturnUrlIsKeptWithTheFlow() {
        URI back = URI.create("https://app.example/connect/result?x=1");
        FlowStarted started = h.startFlow.start(new StartFlowCommand(ALICE, FakeConsentProvider.ID, FlowKind.ONGOING_ACCESS,
                FlowOptions.defaultsFor(FlowKind.ONGOING_ACCESS), Map.of(), Optional.of(back)));

        assertThat(h.flow(started.flowId()).returnTo()).contains(back);
    }

    @Test
    void anUnknownProviderIsRejectedNamingTheProviderField() {
        StartFlowCommand command = new StartFlowCommand(ALICE, new ProviderId("someotherbank"), FlowKind.ONGOING_ACCESS,
                FlowOptions.defaultsFor(FlowKind.ONGOING_ACCESS), Map.of(), Optional.empty());

        assertThatThrownBy(() -> h.startFlow.start(command))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("provider"));
    }

    @Test
    void theProvidersOwnOptionsAreCheckedByItAndStoredWithTheFlow() {
        FlowStarted started = h.startFlow.start(new StartFlowCommand(ALICE, FakeConsentProvider.ID, FlowKind.ONGOING_ACCESS,
                FlowOptions.defaultsFor(FlowKind.ONGOING_ACCESS), Map.of(FakeConsentProvider.LABEL_OPTION, "campaign-7"),
                Optional.empty()));

        assertThat(h.fake.lastStartRequest().options().providerOptions().text(FakeConsentProvider.LABEL_OPTION))
                .contains("campaign-7");
        assertThat(h.flow(started.flowId()).options().providerOptions()).isEqualTo(h.fake.lastStartRequest().options().providerOptions());
    }

    @Test
    void aProviderOptionTheProviderRefusesIsNamedUnderProviderOptionsAndNothingStarts() {
        Map<String, Object> requested = new java.util.LinkedHashMap<>();
        requested.put("unknownThing", "x");
        requested.put(FakeConsentProvider.LABEL_OPTION, 42);
        StartFlowCommand command = new StartFlowCommand(ALICE, FakeConsentProvider.ID, FlowKind.ONGOING_ACCESS,
                FlowOptions.defaultsFor(FlowKind.ONGOING_ACCESS), requested, Optional.empty());

        assertThatThrownBy(() -> h.startFlow.start(command))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("providerOptions.label", "providerOptions.unknownThing"));
        assertThat(h.fake.startRequests).isEmpty();
        assertThat(h.flows.size()).isZero();
    }

    @Test
    void aKindTheProviderDoesNotOfferIsNamedAndNothingStarts() {
        GatewayHarness bankLike = new GatewayHarness(java.util.EnumSet.of(FlowKind.ONGOING_ACCESS));
        StartFlowCommand command = new StartFlowCommand(ALICE, FakeConsentProvider.ID, FlowKind.INCOME_REPORT,
                FlowOptions.defaultsFor(FlowKind.INCOME_REPORT), Map.of(), Optional.empty());

        assertThatThrownBy(() -> bankLike.startFlow.start(command))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("kind"));
        assertThat(bankLike.fake.startRequests).isEmpty();
    }

    @Test
    void eachProviderIsGivenItsOwnRedirectUri() {
        h.startOngoingFlow(ALICE);

        assertThat(h.fake.lastStartRequest().redirectUri().toString()).isEqualTo("https://gateway.example/callback/fake");
    }

    @Test
    void everyFlowGetsItsOwnState() {
        Set<String> states = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> h.startOngoingFlow(new UserId("user-" + i))) // one each: at most a few may wait for a user
                .map(started -> h.stateOf(started.flowId()))
                .collect(Collectors.toSet());

        assertThat(states).hasSize(50);
        assertThat(h.fake.startRequests).extracting(ProviderFlowRequest::state).map(State::value)
                .containsExactlyInAnyOrderElementsOf(states);
    }

    @Test
    void theStateSentToTheProviderIsTheOneStoredWithTheFlow() {
        FlowStarted started = h.startOngoingFlow(ALICE);

        assertThat(h.fake.lastStartRequest().state()).isEqualTo(h.flow(started.flowId()).state());
    }

    @Test
    void aCommandFillsInTheKindsDefaultsEvenWhenBuiltDirectly() {
        StartFlowCommand command = new StartFlowCommand(ALICE, FakeConsentProvider.ID, FlowKind.INCOME_REPORT,
                new FlowOptions(Language.EN, List.of(), Optional.empty(), Optional.empty(), ProviderOptions.NONE), Map.of(),
                Optional.empty());

        assertThat(command.options().reportingPeriod()).contains(ReportingPeriod.DEFAULT);
    }
}
