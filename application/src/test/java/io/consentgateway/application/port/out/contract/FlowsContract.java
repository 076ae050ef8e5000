package io.consentgateway.application.port.out.contract;

import io.consentgateway.application.port.out.ConcurrentUpdate;
import io.consentgateway.application.port.out.Flows;
import io.consentgateway.domain.flow.ConfirmationCode;
import io.consentgateway.domain.flow.Flow;
import io.consentgateway.domain.flow.FlowCompletion;
import io.consentgateway.domain.flow.FlowFailure;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.flow.FlowRequest;
import io.consentgateway.domain.flow.FlowStatus;
import io.consentgateway.domain.policy.ConsentPolicy;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.UserId;
import io.consentgateway.domain.token.AuthorizationCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.consentgateway.application.port.out.contract.PortFixtures.ALICE;
import static io.consentgateway.application.port.out.contract.PortFixtures.BOB;
import static io.consentgateway.application.port.out.contract.PortFixtures.POLICY;
import static io.consentgateway.application.port.out.contract.PortFixtures.T0;
import static io.consentgateway.application.port.out.contract.PortFixtures.awaitingFlow;
import static io.consentgateway.application.port.out.contract.PortFixtures.newState;
import static io.consentgateway.application.port.out.contract.PortFixtures.plainIncomeReportFlow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Flows} implementation must do (the in-memory fake, H2, PostgreSQL). A subclass provides an
 * empty repository per test through {@link #flows()}.
 */
public abstract class FlowsContract {

    /** The repository under test; empty at the start of each test, the same instance throughout one test. */
    protected abstract Flows flows();

    // ---- storing and reading back ----

    @Test
    void newFlowIsStoredAtVersionOneAndReadsBackWithEveryField() {
        Flow flow = awaitingFlow(ALICE, T0);

        Flow stored = flows().save(flow);

        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.snapshot()).isEqualTo(flow.withVersion(1).snapshot());
        assertThat(flows().findById(flow.id())).get().extracting(Flow::snapshot).isEqualTo(stored.snapshot());
    }

    @Test
    void flowWithoutAnyOptionalPartReadsBackEmpty() {
        Flow flow = plainIncomeReportFlow(BOB, T0);

        flows().save(flow);

        Flow read = flows().findById(flow.id()).orElseThrow();
        assertThat(read.snapshot()).isEqualTo(flow.withVersion(1).snapshot());
        assertThat(read.options().accounts()).isEmpty();
        assertThat(read.options().providerOptions().isEmpty()).isTrue();
        assertThat(read.options().reportingPeriod()).isPresent();
        assertThat(read.options().syncPeriod()).isEmpty();
        assertThat(read.pkceVerifier()).isEmpty();
        assertThat(read.returnTo()).isEmpty();
    }

    @Test
    void everyFlowOptionSurvivesStorage() {
        Flow flow = awaitingFlow(ALICE, T0);

        flows().save(flow);

        assertThat(flows().findById(flow.id()).orElseThrow().options()).isEqualTo(flow.options());
    }

    @Test
    void exchangingFlowKeepsItsCodeTimesAndPkceVerifier() {
        Flow stored = flows().save(awaitingFlow(ALICE, T0));
        Flow exchanging = flows().save(stored.awaitingUser().orElseThrow().beginExchange(T0.plusSeconds(30), POLICY));

        Flow read = flows().findById(stored.id()).orElseThrow();

        assertThat(read.snapshot()).isEqualTo(exchanging.snapshot());
        assertThat(read.status()).isEqualTo(FlowStatus.EXCHANGING);
        assertThat(read.snapshot().progress().codeReceivedAt()).contains(T0.plusSeconds(30));
        assertThat(read.codeExpiresAt()).contains(T0.plusSeconds(30).plus(POLICY.codeLifetime()));
        assertThat(read.pkceVerifier()).isEqualTo(stored.pkceVerifier()).isPresent();
    }

    @Test
    void completedFlowKeepsItsConsentAndEndAndNoLongerHasAVerifier() {
        Flow stored = flows().save(awaitingFlow(ALICE, T0));
        Flow exchanging = flows().save(stored.awaitingUser().orElseThrow().beginExchange(T0.plusSeconds(30), POLICY));
        ConsentId consent = ConsentId.random();
        Flow completed = flows().save(exchanging.exchanging().orElseThrow().complete(consent, T0.plusSeconds(31)));

        Flow read = flows().findById(stored.id()).orElseThrow();

        assertThat(read.snapshot()).isEqualTo(completed.snapshot());
        assertThat(read.consentId()).contains(consent);
        assertThat(read.endedAt()).contains(T0.plusSeconds(31));
        assertThat(read.pkceVerifier()).isEmpty();
        assertThat(read.version()).isEqualTo(3);
    }

    @Test
    void failedFlowKeepsItsFailureReason() {
        Flow stored = flows().save(awaitingFlow(ALICE, T0));
        flows().save(stored.awaitingUser().orElseThrow().fail(FlowFailure.PROVIDER_UNAVAILABLE, T0.plusSeconds(5)));

        Flow read = flows().findById(stored.id()).orElseThrow();

        assertThat(read.status()).isEqualTo(FlowStatus.FAILED);
        assertThat(read.failure()).contains(FlowFailure.PROVIDER_UNAVAILABLE);
        assertThat(read.endedAt()).contains(T0.plusSeconds(5));
    }

    @Test
    void cancelledFlowReadsBackCancelled() {
        Flow stored = flows().save(plainIncomeReportFlow(BOB, T0));
        Flow cancelled = flows().save(stored.awaitingUser().orElseThrow().cancel(T0.plusSeconds(9)));

        assertThat(flows().findById(stored.id())).get().extracting(Flow::snapshot).isEqualTo(cancelled.snapshot());
    }

    @Test
    void unknownFlowIsNotFound() {
        assertThat(flows().findById(FlowId.random())).isEmpty();
    }

    // ---- the callback's lookup ----

    @Test
    void callbackStateFindsItsFlow() {
        Flow mine = flows().save(awaitingFlow(ALICE, T0));
        flows().save(awaitingFlow(BOB, T0));

        assertThat(flows().findByState(mine.state())).get().extracting(Flow::id).isEqualTo(mine.id());
    }

    @Test
    void unknownStateFindsNoFlow() {
        flows().save(awaitingFlow(ALICE, T0));

        assertThat(flows().findByState(newState())).isEmpty();
    }

    @Test
    void stateStillFindsTheFlowAfterItEnded() {
        Flow stored = flows().save(awaitingFlow(ALICE, T0));
        flows().save(stored.awaitingUser().orElseThrow().cancel(T0.plusSeconds(1)));

        assertThat(flows().findByState(stored.state())).get().extracting(Flow::status).isEqualTo(FlowStatus.CANCELLED);
    }

    // ---- optimistic versions ----

    @Test
    void everySaveAdvancesTheVersionByOne() {
        Flow v1 = flows().save(awaitingFlow(ALICE, T0));
        Flow v2 = flows().save(v1.awaitingUser().orElseThrow().beginExchange(T0.plusSeconds(1), POLICY));
        Flow v3 = flows().save(v2.exchanging().orElseThrow().fail(FlowFailure.EXCHANGE_REJECTED, T0.plusSeconds(2)));

        assertThat(List.of(v1.version(), v2.version(), v3.version())).containsExactly(1L, 2L, 3L);
        assertThat(flows().findById(v1.id()).orElseThrow().version()).isEqualTo(3);
    }

    @Test
    void staleWriteIsRejectedAndNothingIsOverwritten() {
        Flow v1 = flows().save(awaitingFlow(ALICE, T0));
        Flow cancelledFirst = flows().save(v1.awaitingUser().orElseThrow().cancel(T0.plusSeconds(1)));

        assertThatThrownBy(() -> flows().save(v1.awaitingUser().orElseThrow().beginExchange(T0.plusSeconds(2), POLICY)))
                .isInstanceOf(ConcurrentUpdate.class)
                .hasMessageContaining(v1.id().toString());
        assertThat(flows().findById(v1.id())).get().extracting(Flow::snapshot).isEqualTo(cancelledFirst.snapshot());
    }

    @Test
    void secondFlowWithTheSameIdIsRejected() {
        Flow flow = flows().save(awaitingFlow(ALICE, T0));

        assertThatThrownBy(() -> flows().save(flow.withVersion(0))).isInstanceOf(ConcurrentUpdate.class);
        assertThat(flows().findById(flow.id()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void secondFlowWithTheSameStateIsRejectedAndTheStateKeepsNamingTheFirst() {
        Flow first = flows().save(awaitingFlow(ALICE, T0));
        FlowRequest bobAsked = new FlowRequest(BOB, first.provider(), first.kind(), first.options(), first.returnTo(),
                first.completion(), first.renewalOf());
        Flow sameState = Flow.start(FlowId.random(), bobAsked, first.snapshot().origin().handshake(), first.pkceVerifier(),
                first.createdAt(), POLICY);

        assertThatThrownBy(() -> flows().save(sameState)).isInstanceOf(ConcurrentUpdate.class);
        assertThat(flows().findById(sameState.id())).isEmpty();
        assertThat(flows().findByState(first.state())).get().extracting(Flow::id).isEqualTo(first.id());
    }

    @Test
    void updateOfAFlowThatWasNeverStoredIsRejected() {
        Flow neverStored = awaitingFlow(ALICE, T0).withVersion(4);

        assertThatThrownBy(() -> flows().save(neverStored)).isInstanceOf(ConcurrentUpdate.class);
        assertThat(flows().findById(neverStored.id())).isEmpty();
    }

    // ---- lapsed flows ----

    @Test
    void waitingFlowLapsesWhenItsLifetimeIsUp() {
        Flow flow = flows().save(awaitingFlow(ALICE, T0));

        assertThat(flows().findLapsed(flow.expiresAt().minusNanos(1000), 10)).isEmpty();
        assertThat(flows().findLapsed(flow.expiresAt(), 10)).extracting(Flow::id).containsExactly(flow.id());
    }

    @Test
    void aFlowAwaitingConfirmationKeepsItsHeldCodeSecretAndLapsesWithTheCode() {
        Flow stored = flows().save(plainIncomeReportFlow(BOB, T0));
        String codeText = "held-code-" + "c".repeat(300);
        ConfirmationCode confirmation = new ConfirmationCode("confirm-" + "k".repeat(43));
        Flow held = flows().save(stored.awaitingUser().orElseThrow()
                .holdCode(new AuthorizationCode(codeText), confirmation, T0.plus(Duration.ofMinutes(50)),
                POLICY));

        Flow read = flows().findById(stored.id()).orElseThrow();
        assertThat(read.snapshot()).isEqualTo(held.snapshot());
        assertThat(read.completion()).isEqualTo(FlowCompletion.CONFIRM);
        assertThat(read.heldCode().orElseThrow().reveal()).isEqualTo(codeText);
        assertThat(read.awaitingConfirmation().orElseThrow().isConfirmedBy(confirmation)).isTrue();
        Instant codeExpiry = held.codeExpiresAt().orElseThrow();
        assertThat(flows().findLapsed(stored.expiresAt(), 10)).as("the code's lifetime counts, not the flow's").isEmpty();
        assertThat(flows().findLapsed(codeExpiry, 10)).extracting(Flow::id).containsExactly(stored.id());

        Flow exchanging = flows().save(read.awaitingConfirmation().orElseThrow()
                .confirm(BOB, confirmation, T0.plus(Duration.ofMinutes(55)), POLICY));
        assertThat(flows().findById(stored.id()).orElseThrow().heldCode()).as("dropped once confirmed").isEmpty();
        assertThat(flows().findById(stored.id()).orElseThrow().snapshot()).isEqualTo(exchanging.snapshot());
    }

    @Test
    void exchangingFlowLapsesWhenItsCodeLifetimeIsUpNotItsFlowLifetime() {
        ConsentPolicy longExchanges = POLICY.withExchangeTimeout(Duration.ofHours(2));
        Flow stored = flows().save(awaitingFlow(ALICE, T0));
        Flow exchanging = flows().save(stored.awaitingUser().orElseThrow()
                .beginExchange(T0.plus(Duration.ofMinutes(50)), longExchanges));
        Instant codeExpiry = exchanging.codeExpiresAt().orElseThrow();

        assertThat(codeExpiry).isAfter(stored.expiresAt());
        assertThat(flows().findLapsed(stored.expiresAt(), 10)).isEmpty();
        assertThat(flows().findLapsed(codeExpiry, 10)).extracting(Flow::id).containsExactly(stored.id());
    }

    @Test
    void exchangingFlowLapsesAtItsExchangeDeadlineWhenItsNodeDied() {
        Flow stored = flows().save(awaitingFlow(ALICE, T0));
        Flow exchanging = flows().save(stored.awaitingUser().orElseThrow()
                .beginExchange(T0.plus(Duration.ofMinutes(10)), POLICY));
        Instant deadline = exchanging.exchangeDeadline().orElseThrow();

        assertThat(flows().findById(stored.id()).orElseThrow().exchangeDeadline()).contains(deadline);
        assertThat(flows().findLapsed(deadline.minusNanos(1000), 10)).isEmpty();
        assertThat(flows().findLapsed(deadline, 10)).extracting(Flow::id).containsExactly(stored.id());
    }

    @Test
    void endedFlowsNeverLapse() {
        Flow cancelled = flows().save(flows().save(awaitingFlow(ALICE, T0)).awaitingUser().orElseThrow()
                .cancel(T0.plusSeconds(1)));
        Flow exchanging = flows().save(flows().save(awaitingFlow(ALICE, T0)).awaitingUser().orElseThrow()
                .beginExchange(T0.plusSeconds(1), POLICY));
        flows().save(exchanging.exchanging().orElseThrow().complete(ConsentId.random(), T0.plusSeconds(2)));

        assertThat(flows().findLapsed(T0.plus(Duration.ofDays(30)), 10)).isEmpty();
        assertThat(cancelled.isTerminal()).isTrue();
    }

    @Test
    void lapsedFlowsComeOldestFirstUpToTheLimit() {
        Flow second = flows().save(awaitingFlow(ALICE, T0.plusSeconds(20)));
        Flow fourth = flows().save(awaitingFlow(BOB, T0.plusSeconds(40)));
        Flow first = flows().save(awaitingFlow(BOB, T0.plusSeconds(10)));
        Flow third = flows().save(awaitingFlow(ALICE, T0.plusSeconds(30)));
        Instant later = T0.plus(Duration.ofDays(1));

        assertThat(flows().findLapsed(later, 3)).extracting(Flow::id).containsExactly(first.id(), second.id(), third.id());
        assertThat(flows().findLapsed(later, 10)).extracting(Flow::id)
                .containsExactly(first.id(), second.id(), third.id(), fourth.id());
    }

    @Test
    void lapsedFlowOnceStoredAsLapsedIsNotFoundAgain() {
        Flow flow = flows().save(awaitingFlow(ALICE, T0));
        Instant later = flow.expiresAt().plusSeconds(1);
        Flow lapsed = flows().findLapsed(later, 10).get(0);

        flows().save(lapsed.unfinished().orElseThrow().lapse(later));

        assertThat(flows().findLapsed(later, 10)).isEmpty();
        assertThat(flows().findById(flow.id()).orElseThrow().status()).isEqualTo(FlowStatus.EXPIRED);
    }

    // ---- erasure ----

    @Test
    void waitingCountsTheUsersFlowsWaitingForThemUntilEachLapsesAndSaysWhenTheFirstDoes() {
        Flow first = flows().save(awaitingFlow(ALICE, T0));
        Flow second = flows().save(awaitingFlow(ALICE, T0.plusSeconds(60)));
        flows().save(flows().save(plainIncomeReportFlow(ALICE, T0)).awaitingUser().orElseThrow().cancel(T0.plusSeconds(1)));
        flows().save(awaitingFlow(BOB, T0));

        assertThat(flows().waiting(ALICE, T0.plusSeconds(120))).as("two waiting; the cancelled one and Bob's not")
                .isEqualTo(new Flows.Waiting(2, Optional.of(first.expiresAt())));
        assertThat(flows().waiting(ALICE, first.expiresAt())).as("the first has lapsed at its expiry")
                .isEqualTo(new Flows.Waiting(1, Optional.of(second.expiresAt())));
        assertThat(flows().waiting(new UserId("carol@fintech.example"), T0)).isEqualTo(new Flows.Waiting(0, Optional.empty()));
    }

    @Test
    void deleteByUserRemovesEveryFlowOfThatUserWhateverItsStatusAndCountsThem() {
        Flow waiting = flows().save(awaitingFlow(ALICE, T0));
        Flow cancelled = flows().save(flows().save(plainIncomeReportFlow(ALICE, T0)).awaitingUser().orElseThrow()
                .cancel(T0.plusSeconds(1)));
        Flow bobs = flows().save(awaitingFlow(BOB, T0));

        assertThat(flows().deleteByUser(ALICE)).isEqualTo(2);

        assertThat(flows().findById(waiting.id())).isEmpty();
        assertThat(flows().findById(cancelled.id())).isEmpty();
        assertThat(flows().findByState(waiting.state())).isEmpty();
        assertThat(flows().findById(bobs.id())).get().extracting(Flow::snapshot).isEqualTo(bobs.snapshot());
        assertThat(flows().findLapsed(T0.plus(Duration.ofDays(1)), 10)).extracting(Flow::id).containsExactly(bobs.id());
        assertThat(flows().deleteByUser(ALICE)).isZero();
    }
}
