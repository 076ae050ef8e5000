package io.consentgateway.domain.flow;

import io.consentgateway.domain.policy.ConsentPolicy;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.DomainRuleViolation;
import io.consentgateway.domain.shared.InvalidValueException;
import io.consentgateway.domain.shared.Language;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.shared.RedirectUri;
import io.consentgateway.domain.shared.SyncPeriod;
import io.consentgateway.domain.shared.UserId;
import io.consentgateway.domain.token.AuthorizationCode;
import io.consentgateway.domain.token.PkceVerifier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlowTest {
    static final Instant T = Instant.parse("2026-03-01T09:00:00Z");
    static final ConsentPolicy POLICY = ConsentPolicy.defaults();
    static final String STATE_TEXT = "Zm9yZ2VkLXN0YXRlLXRoYXQtaXMtbG9uZy1lbm91Z2g";
    static final String VERIFIER_TEXT = "pkce-verifier-that-must-never-be-printed";

    static Flow awaiting() {
        return awaiting(FlowKind.ONGOING_ACCESS);
    }

    static Flow awaiting(FlowKind kind) {
        return awaiting(kind, FlowCompletion.REDIRECT);
    }

    static Flow awaiting(FlowKind kind, FlowCompletion completion) {
        return Flow.start(FlowId.random(), request(kind, completion), HANDSHAKE, Optional.of(new PkceVerifier(VERIFIER_TEXT)),
                T, POLICY);
    }

    static FlowRequest request(FlowKind kind, FlowCompletion completion) {
        return FlowRequest.of(new UserId("alice"), new ProviderId("someprovider"), kind, FlowOptions.defaultsFor(kind),
                Optional.empty(), completion);
    }

    static final Flow.Handshake HANDSHAKE = new Flow.Handshake(State.of(STATE_TEXT),
            RedirectUri.parse("https://gateway.example/callback"), Optional.of("pf-1"), URI.create("https://widget.example/pf-1"));

    /** Exchanges given as long as their codes, to see the code's lifetime alone. */
    static final ConsentPolicy LONG_EXCHANGES = POLICY.withExchangeTimeout(Duration.ofHours(2));

    static Flow exchanging(Instant at) {
        return awaiting().awaitingUser().orElseThrow().beginExchange(at, POLICY);
    }

    @Nested
    class Starting {
        @Test
        void aStartedFlowAwaitsTheUserForTheFlowLifetime() {
            Flow flow = awaiting();

            assertThat(flow.status()).isEqualTo(FlowStatus.AWAITING_USER);
            assertThat(flow.expiresAt()).isEqualTo(T.plus(Duration.ofHours(1)));
            assertThat(flow.version()).isZero();
            assertThat(flow.endedAt()).isEmpty();
        }

        @Test
        void theFlowLifetimeIsConfigurable() {
            Flow flow = Flow.start(FlowId.random(), request(FlowKind.ONGOING_ACCESS, FlowCompletion.REDIRECT), HANDSHAKE,
                    Optional.empty(), T, POLICY.withFlowLifetime(Duration.ofMinutes(10)));

            assertThat(flow.expiresAt()).isEqualTo(T.plus(Duration.ofMinutes(10)));
        }

        @Test
        void startingFillsInTheKindsDefaultOptions() {
            Flow flow = awaiting(FlowKind.ONE_TIME_ACCESS);

            assertThat(flow.options().syncPeriod()).contains(SyncPeriod.DEFAULT);
        }
    }

    @Nested
    class CallbackVerification {
        @Test
        void theExactStateIsAccepted() {
            awaiting().verifyCallback(State.of(STATE_TEXT));
        }

        @Test
        void anotherStateIsAMismatch() {
            assertThatThrownBy(() -> awaiting().verifyCallback(State.of("x" + STATE_TEXT.substring(1))))
                    .isInstanceOf(CallbackMismatch.class)
                    .hasMessageContaining("state");
        }

        @Test
        void noStateIsAMismatch() {
            assertThatThrownBy(() -> awaiting().verifyCallback(null)).isInstanceOf(CallbackMismatch.class);
        }
    }

    @Nested
    class Exchange {
        @Test
        void receivingACodeMovesTheFlowToExchangingWithTheCodeLifetime() {
            Flow flow = exchanging(T.plusSeconds(60));

            assertThat(flow.status()).isEqualTo(FlowStatus.EXCHANGING);
            assertThat(flow.codeExpiresAt()).contains(T.plusSeconds(60).plus(Duration.ofHours(1)));
            assertThat(flow.exchanging().orElseThrow().codeUsableAt(T.plusSeconds(61))).isTrue();
        }

        @Test
        void theCodeIsNoLongerUsableFromTheMomentItsLifetimeEnds() {
            Flow.Exchanging flow = awaiting().awaitingUser().orElseThrow()
                    .beginExchange(T, LONG_EXCHANGES).exchanging().orElseThrow();

            assertThat(flow.codeUsableAt(T.plus(Duration.ofHours(1)).minusNanos(1))).isTrue();
            assertThat(flow.codeUsableAt(T.plus(Duration.ofHours(1)))).isFalse();
        }

        @Test
        void theExchangeHasTheTimeoutOfThePolicyAndTheCodeIsNotUsedAfterIt() {
            Flow flow = exchanging(T);

            assertThat(flow.exchangeDeadline()).contains(T.plus(POLICY.exchangeTimeout()));
            assertThat(flow.exchanging().orElseThrow().codeUsableAt(T.plus(POLICY.exchangeTimeout()).minusNanos(1))).isTrue();
            assertThat(flow.exchanging().orElseThrow().codeUsableAt(T.plus(POLICY.exchangeTimeout()))).isFalse();
        }

        @Test
        void aCodeArrivingAfterTheFlowLifetimeIsRefused() {
            assertThatThrownBy(() -> awaiting().awaitingUser().orElseThrow().beginExchange(T.plus(Duration.ofHours(1)), POLICY))
                    .isInstanceOf(DomainRuleViolation.class)
                    .hasMessageContaining("expired");
        }

        @Test
        void anExchangingFlowAwaitsNoSecondCode() {
            assertThat(exchanging(T).awaitingUser()).as("no beginExchange to call").isEmpty();
        }

        @Test
        void thePkceVerifierIsKeptWhileExchanging() {
            assertThat(exchanging(T).pkceVerifier()).isPresent();
        }
    }

    @Nested
    class Completion {
        @Test
        void anExchangingFlowCompletesWithItsConsent() {
            ConsentId consent = ConsentId.random();

            Flow done = exchanging(T).exchanging().orElseThrow().complete(consent, T.plusSeconds(2));

            assertThat(done.status()).isEqualTo(FlowStatus.COMPLETED);
            assertThat(done.consentId()).contains(consent);
            assertThat(done.endedAt()).contains(T.plusSeconds(2));
        }

        @Test
        void aFlowCompletesAtMostOnce() {
            Flow done = exchanging(T).exchanging().orElseThrow().complete(ConsentId.random(), T.plusSeconds(2));

            assertThat(done.exchanging()).as("no complete to call again").isEmpty();
            assertThat(done.unfinished()).isEmpty();
        }

        @Test
        void aFlowThatNeverReceivedACodeCannotComplete() {
            assertThat(awaiting().exchanging()).as("no complete to call").isEmpty();
        }

        @Test
        void anEndedFlowCannotFail() {
            Flow cancelled = awaiting().awaitingUser().orElseThrow().cancel(T);

            assertThat(cancelled.unfinished()).as("no fail to call").isEmpty();
        }

        @Test
        void anExchangingFlowFailsWithItsReason() {
            Flow failed = exchanging(T).exchanging().orElseThrow().fail(FlowFailure.EXCHANGE_REJECTED, T.plusSeconds(1));

            assertThat(failed.status()).isEqualTo(FlowStatus.FAILED);
            assertThat(failed.failure()).contains(FlowFailure.EXCHANGE_REJECTED);
        }
    }

    @Nested
    class Cancellation {
        @Test
        void aFlowAwaitingTheUserCanBeCancelled() {
            Flow cancelled = awaiting().awaitingUser().orElseThrow().cancel(T.plusSeconds(5));

            assertThat(cancelled.status()).isEqualTo(FlowStatus.CANCELLED);
            assertThat(cancelled.endedAt()).contains(T.plusSeconds(5));
        }

        @Test
        void anExchangingFlowCannotBeCancelled() {
            assertThat(exchanging(T).awaitingUser()).as("no cancel to call").isEmpty();
        }

        @Test
        void aCompletedFlowCannotBeCancelled() {
            Flow done = exchanging(T).exchanging().orElseThrow().complete(ConsentId.random(), T);

            assertThat(done.awaitingUser()).as("no cancel to call").isEmpty();
        }
    }

    @Nested
    class Lapse {
        @Test
        void aFlowAwaitingTheUserLapsesExactlyAtItsExpiry() {
            Flow flow = awaiting();

            assertThat(flow.isLapsedAt(T.plus(Duration.ofHours(1)).minusNanos(1))).isFalse();
            assertThat(flow.isLapsedAt(T.plus(Duration.ofHours(1)))).isTrue();
        }

        @Test
        void aLapsedAwaitingFlowExpires() {
            Flow expired = awaiting().awaitingUser().orElseThrow().lapse(T.plus(Duration.ofHours(2)));

            assertThat(expired.status()).isEqualTo(FlowStatus.EXPIRED);
            assertThat(expired.failure()).isEmpty();
        }

        @Test
        void anExchangingFlowWhoseCodeLapsedFailsWithCodeExpired() {
            Flow stuck = exchanging(T.plusSeconds(30));

            Flow failed = stuck.exchanging().orElseThrow().lapse(T.plusSeconds(30).plus(Duration.ofHours(1)));

            assertThat(failed.status()).isEqualTo(FlowStatus.FAILED);
            assertThat(failed.failure()).contains(FlowFailure.CODE_EXPIRED);
        }

        @Test
        void anExchangingFlowIsNotLapsedByTheFlowLifetimeButByTheCodeLifetime() {
            Flow stuck = awaiting().awaitingUser().orElseThrow().beginExchange(T.plus(Duration.ofMinutes(50)), LONG_EXCHANGES);

            assertThat(stuck.isLapsedAt(T.plus(Duration.ofMinutes(70)))).isFalse();
            assertThat(stuck.isLapsedAt(T.plus(Duration.ofMinutes(110)))).isTrue();
        }

        @Test
        void anExchangeWhoseNodeDiedFailsAsInterruptedAtItsDeadlineAndItsCodeIsNeverUsedAgain() {
            Flow stuck = exchanging(T.plusSeconds(30));
            Instant deadline = T.plusSeconds(30).plus(POLICY.exchangeTimeout());

            assertThat(stuck.isLapsedAt(deadline.minusNanos(1))).isFalse();
            assertThat(stuck.isLapsedAt(deadline)).isTrue();
            Flow failed = stuck.exchanging().orElseThrow().lapse(deadline);

            assertThat(failed.status()).isEqualTo(FlowStatus.FAILED);
            assertThat(failed.failure()).contains(FlowFailure.EXCHANGE_INTERRUPTED);
            assertThat(failed.exchanging()).as("nothing left to exchange the code with").isEmpty();
        }

        @Test
        void aConfirmedExchangeIsGivenItsTimeFromTheConfirmationNotFromTheCallback() {
            Flow held = awaiting(FlowKind.ONGOING_ACCESS, FlowCompletion.CONFIRM).awaitingUser().orElseThrow()
                    .holdCode(new AuthorizationCode("code-1"), new ConfirmationCode("confirm-1"), T, POLICY);
            Instant confirmed = T.plus(Duration.ofMinutes(30));

            Flow exchanging = held.awaitingConfirmation().orElseThrow()
                    .confirm(held.userId(), new ConfirmationCode("confirm-1"), confirmed, POLICY);

            assertThat(exchanging.exchangeDeadline()).contains(confirmed.plus(POLICY.exchangeTimeout()));
            assertThat(exchanging.isLapsedAt(confirmed.plusSeconds(1))).isFalse();
        }

        @Test
        void aFlowThatHasNotLapsedCannotBeLapsed() {
            assertThatThrownBy(() -> awaiting().awaitingUser().orElseThrow().lapse(T.plusSeconds(1)))
                    .isInstanceOf(DomainRuleViolation.class)
                    .hasMessage("flow has not lapsed");
        }

        @Test
        void anEndedFlowNeverLapses() {
            assertThat(awaiting().awaitingUser().orElseThrow().cancel(T).isLapsedAt(T.plus(Duration.ofDays(1)))).isFalse();
        }
    }

    @Nested
    class PkceVerifierLifetime {
        @Test
        void droppedWhenTheFlowCompletes() {
            assertThat(exchanging(T).exchanging().orElseThrow().complete(ConsentId.random(), T).pkceVerifier()).isEmpty();
        }

        @Test
        void droppedWhenTheFlowIsCancelled() {
            assertThat(awaiting().awaitingUser().orElseThrow().cancel(T).pkceVerifier()).isEmpty();
        }

        @Test
        void droppedWhenTheFlowFails() {
            assertThat(exchanging(T).exchanging().orElseThrow()
                    .fail(FlowFailure.PROVIDER_UNAVAILABLE, T).pkceVerifier()).isEmpty();
        }

        @Test
        void droppedWhenTheFlowLapses() {
            assertThat(awaiting().awaitingUser().orElseThrow().lapse(T.plus(Duration.ofHours(1))).pkceVerifier()).isEmpty();
        }
    }

    @Nested
    class Restore {
        @Test
        void aConsistentSnapshotRestoresToAnEqualFlow() {
            Flow original = exchanging(T).withVersion(3);

            Flow restored = Flow.restore(original.snapshot());

            assertThat(restored.snapshot()).isEqualTo(original.snapshot());
            assertThat(restored.version()).isEqualTo(3);
        }

        @Test
        void aCompletedFlowWithoutConsentIsRejected() {
            assertThatThrownBy(() -> changed(exchanging(T).exchanging().orElseThrow().complete(ConsentId.random(), T),
                    p -> copy(p, p.status(), p.codeReceivedAt(), p.codeExpiresAt(), p.endedAt(), Optional.empty(), p.failure())))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("consent");
        }

        @Test
        void aFailedFlowWithoutReasonIsRejected() {
            Flow failed = exchanging(T).exchanging().orElseThrow().fail(FlowFailure.EXCHANGE_REJECTED, T);

            assertThatThrownBy(() -> changed(failed,
                    p -> copy(p, p.status(), p.codeReceivedAt(), p.codeExpiresAt(), p.endedAt(), p.consentId(), Optional.empty())))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("failure reason");
        }

        @Test
        void anExchangingFlowWithoutReceivedCodeIsRejected() {
            assertThatThrownBy(() -> changed(awaiting(),
                    p -> copy(p, FlowStatus.EXCHANGING, p.codeReceivedAt(), p.codeExpiresAt(), p.endedAt(), p.consentId(), p.failure())))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("received a code");
        }

        @Test
        void anEndedFlowWithoutEndTimeIsRejected() {
            assertThatThrownBy(() -> changed(awaiting(),
                    p -> copy(p, FlowStatus.EXPIRED, p.codeReceivedAt(), p.codeExpiresAt(), Optional.empty(), p.consentId(), p.failure())))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("end time");
        }

        @Test
        void aWaitingFlowWithAnEndTimeIsRejected() {
            assertThatThrownBy(() -> changed(awaiting(),
                    p -> copy(p, p.status(), p.codeReceivedAt(), p.codeExpiresAt(), Optional.of(T), p.consentId(), p.failure())))
                    .isInstanceOf(InvalidValueException.class);
        }

        @Test
        void aCodeReceiptWithoutExpiryIsRejected() {
            assertThatThrownBy(() -> changed(awaiting(),
                    p -> copy(p, p.status(), Optional.of(T), Optional.empty(), p.endedAt(), p.consentId(), p.failure())))
                    .isInstanceOf(InvalidValueException.class);
        }

        @Test
        void aOneTimeFlowRenewingAConsentIsRejected() {
            FlowRequest r = awaiting(FlowKind.ONE_TIME_ACCESS).snapshot().origin().request();

            assertThatThrownBy(() -> new FlowRequest(r.userId(), r.provider(), r.kind(), r.options(), r.returnTo(),
                    r.completion(), Optional.of(ConsentId.random())))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("renew");
        }

        @Test
        void aNegativeVersionIsRejected() {
            assertThatThrownBy(() -> awaiting().withVersion(-1)).isInstanceOf(InvalidValueException.class);
        }

        /** The flow restored with its progress changed; what it was started with, and its version, stay. */
        private Flow changed(Flow flow, UnaryOperator<Flow.Progress> change) {
            Flow.Snapshot s = flow.snapshot();
            return Flow.restore(new Flow.Snapshot(s.origin(), change.apply(s.progress()), s.version()));
        }

        private Flow.Progress copy(Flow.Progress p, FlowStatus status, Optional<Instant> codeReceivedAt,
                                   Optional<Instant> codeExpiresAt, Optional<Instant> endedAt, Optional<ConsentId> consentId,
                                   Optional<FlowFailure> failure) {
            return new Flow.Progress(status, p.pkceVerifier(), p.heldCode(), p.confirmationCode(), codeReceivedAt,
                    codeExpiresAt, p.exchangeDeadline(), endedAt, consentId, failure);
        }
    }

    /** Confirmed completion: the callback holds the code, the user who started the flow confirms it. */
    @Nested
    class Confirmation {
        static final String CODE_TEXT = "the-code-that-must-never-be-printed";
        static final ConfirmationCode CONFIRMATION = new ConfirmationCode("confirmation-code-never-printed");

        Flow confirming() {
            return awaiting(FlowKind.ONGOING_ACCESS, FlowCompletion.CONFIRM);
        }

        Flow holding(Instant at) {
            return confirming().awaitingUser().orElseThrow().holdCode(new AuthorizationCode(CODE_TEXT), CONFIRMATION, at, POLICY);
        }

        @Test
        void aFlowStartedForConfirmationNeverExchangesStraightFromTheCallback() {
            assertThatThrownBy(() -> confirming().awaitingUser().orElseThrow().beginExchange(T.plusSeconds(5), POLICY))
                    .isInstanceOf(DomainRuleViolation.class);
            assertThatThrownBy(() -> awaiting().awaitingUser().orElseThrow()
                    .holdCode(new AuthorizationCode(CODE_TEXT), CONFIRMATION, T.plusSeconds(5), POLICY))
                    .as("and a redirect flow holds no code").isInstanceOf(DomainRuleViolation.class);
        }

        @Test
        void theCallbackHoldsTheCodeUntilConfirmationWithinTheCodesLifetime() {
            Flow held = holding(T.plusSeconds(30));

            assertThat(held.status()).isEqualTo(FlowStatus.AWAITING_CONFIRMATION);
            assertThat(held.heldCode()).contains(new AuthorizationCode(CODE_TEXT));
            assertThat(held.codeExpiresAt()).contains(T.plusSeconds(30).plus(POLICY.codeLifetime()));
            assertThat(held.isTerminal()).isFalse();
        }

        @Test
        void theStartingUserConfirmsAndTheCodeGoesToTheExchangeAndIsNoLongerHeld() {
            Flow exchanging = holding(T.plusSeconds(30)).awaitingConfirmation().orElseThrow()
                    .confirm(awaiting().userId(), CONFIRMATION, T.plusSeconds(60), POLICY);

            assertThat(exchanging.status()).isEqualTo(FlowStatus.EXCHANGING);
            assertThat(exchanging.heldCode()).isEmpty();
            assertThat(exchanging.confirmationCode()).isEmpty();
            assertThat(exchanging.exchanging().orElseThrow().codeUsableAt(T.plusSeconds(61))).isTrue();
            assertThat(exchanging.pkceVerifier()).as("still needed by the exchange").isPresent();
        }

        @Test
        void theConfirmationMustPresentTheCodeTheCallbackHandedOut() {
            Flow.AwaitingConfirmation held = holding(T).awaitingConfirmation().orElseThrow();

            assertThatThrownBy(() -> held.confirm(awaiting().userId(), new ConfirmationCode("guessed"), T.plusSeconds(5), POLICY))
                    .isInstanceOf(CallbackMismatch.class);
            assertThat(held.isConfirmedBy(CONFIRMATION)).isTrue();
            assertThat(held.isConfirmedBy(new ConfirmationCode("guessed"))).isFalse();
            assertThat(held.isConfirmedBy(null)).isFalse();
            assertThat(held.confirmationCode()).isEqualTo(CONFIRMATION);
            assertThat(held.flow().confirmationCode()).contains(CONFIRMATION);
        }

        @Test
        void anotherUserCannotConfirm() {
            assertThatThrownBy(() -> holding(T).awaitingConfirmation().orElseThrow()
                    .confirm(new UserId("mallory"), CONFIRMATION, T.plusSeconds(5), POLICY))
                    .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("only the user who started");
        }

        @Test
        void aFlowConfirmsOnceAndOnlyWhenItAwaitsConfirmation() {
            Flow exchanging = holding(T).awaitingConfirmation().orElseThrow()
                    .confirm(awaiting().userId(), CONFIRMATION, T.plusSeconds(5), POLICY);

            assertThat(exchanging.awaitingConfirmation()).as("confirmed already: no confirm to call").isEmpty();
            assertThat(confirming().awaitingConfirmation()).as("no code held yet: no confirm to call").isEmpty();
        }

        @Test
        void anUnconfirmedFlowLapsesWithItsCodeAndExpiresDroppingTheCode() {
            Flow held = holding(T);
            Instant lapse = T.plus(POLICY.codeLifetime());

            assertThat(held.isLapsedAt(lapse.minusSeconds(1))).isFalse();
            assertThat(held.isLapsedAt(lapse)).isTrue();
            assertThatThrownBy(() -> held.awaitingConfirmation().orElseThrow()
                    .confirm(awaiting().userId(), CONFIRMATION, lapse, POLICY))
                    .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("lapsed");
            Flow expired = held.awaitingConfirmation().orElseThrow().lapse(lapse);
            assertThat(expired.status()).isEqualTo(FlowStatus.EXPIRED);
            assertThat(expired.heldCode()).isEmpty();
        }

        @Test
        void aCodeIsHeldOnlyWhileAwaitingConfirmation() {
            Flow.Progress p = confirming().snapshot().progress();

            assertThatThrownBy(() -> new Flow.Progress(p.status(), p.pkceVerifier(),
                    Optional.of(new AuthorizationCode(CODE_TEXT)), Optional.of(CONFIRMATION), p.codeReceivedAt(),
                    p.codeExpiresAt(), p.exchangeDeadline(), p.endedAt(), p.consentId(), p.failure()))
                    .isInstanceOf(InvalidValueException.class);
        }

        @Test
        void aHeldCodeIsNeverPrinted() {
            Flow held = holding(T);

            assertThat(held.snapshot().toString()).doesNotContain(CODE_TEXT).doesNotContain(CONFIRMATION.reveal());
            assertThat(held.toString()).doesNotContain(CODE_TEXT);
        }

        @Test
        void anExchangeThatNeverLeftGivesTheCodeBackForTheSameConfirmation() {
            Flow exchanging = holding(T).awaitingConfirmation().orElseThrow()
                    .confirm(awaiting().userId(), CONFIRMATION, T.plusSeconds(5), POLICY);

            Flow again = exchanging.exchanging().orElseThrow()
                    .exchangeNotSent(new AuthorizationCode(CODE_TEXT), Optional.of(CONFIRMATION));

            assertThat(again.status()).isEqualTo(FlowStatus.AWAITING_CONFIRMATION);
            assertThat(again.heldCode()).contains(new AuthorizationCode(CODE_TEXT));
            assertThat(again.awaitingConfirmation().orElseThrow().isConfirmedBy(CONFIRMATION)).isTrue();
            assertThat(again.codeExpiresAt()).isEqualTo(exchanging.codeExpiresAt());
        }

        @Test
        void anExchangeThatNeverLeftLetsARedirectFlowTakeTheSameCallbackAgain() {
            Flow again = exchanging(T.plusSeconds(5)).exchanging().orElseThrow()
                    .exchangeNotSent(new AuthorizationCode(CODE_TEXT), Optional.empty());

            assertThat(again.status()).isEqualTo(FlowStatus.AWAITING_USER);
            assertThat(again.heldCode()).isEmpty();
            assertThat(again.codeExpiresAt()).isEmpty();
            assertThat(again.awaitingUser().orElseThrow()
                    .beginExchange(T.plusSeconds(6), POLICY).status()).isEqualTo(FlowStatus.EXCHANGING);
            assertThat(awaiting().exchanging()).as("no exchangeNotSent to call").isEmpty();
        }

        @Test
        void aLapsedFlowCannotHoldACode() {
            assertThatThrownBy(() -> holding(T.plus(POLICY.flowLifetime()))).isInstanceOf(DomainRuleViolation.class);
        }
    }

    /** A flow is what it was started with, which never changes, and how far it has come, which each step replaces. */
    @Nested
    class OriginAndProgress {
        static final Instant RECEIVED = T.plusSeconds(30);
        static final AuthorizationCode CODE = new AuthorizationCode("code-of-the-records");
        static final ConfirmationCode CONFIRMATION = new ConfirmationCode("confirmation-of-the-records");

        @Test
        void whatAFlowWasStartedWithNeverChanges() {
            Flow started = awaiting();

            Flow completed = started.awaitingUser().orElseThrow()
                    .beginExchange(RECEIVED, POLICY).exchanging().orElseThrow().complete(ConsentId.random(), RECEIVED.plusSeconds(1));

            assertThat(completed.snapshot().origin()).isEqualTo(started.snapshot().origin());
            assertThat(completed.snapshot().progress()).isNotEqualTo(started.snapshot().progress());
        }

        @Test
        void theRequestGetsTheKindsDefaultOptionsAndSaysWhetherItRenews() {
            FlowRequest asked = new FlowRequest(new UserId("alice"), new ProviderId("someprovider"), FlowKind.ONGOING_ACCESS,
                    new FlowOptions(Language.DEFAULT, List.of(), Optional.empty(), Optional.empty(), ProviderOptions.NONE),
                    Optional.empty(), FlowCompletion.REDIRECT, Optional.of(ConsentId.random()));

            assertThat(asked.options().syncPeriod()).contains(SyncPeriod.DEFAULT);
            assertThat(asked.isRenewal()).isTrue();
            assertThat(request(FlowKind.ONGOING_ACCESS, FlowCompletion.REDIRECT).isRenewal()).isFalse();
        }

        @Test
        void aCompletedProgressWithoutAConsentIsRefused() {
            assertThatThrownBy(() -> new Flow.Progress(FlowStatus.COMPLETED, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.of(RECEIVED), Optional.of(RECEIVED.plusSeconds(60)), Optional.of(RECEIVED.plusSeconds(30)),
                    Optional.of(RECEIVED.plusSeconds(5)), Optional.empty(), Optional.empty()))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("a completed flow, and only a completed flow, has a consent");
        }

        @Test
        void anExchangingProgressWithoutADeadlineIsRefused() {
            assertThatThrownBy(() -> new Flow.Progress(FlowStatus.EXCHANGING, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.of(RECEIVED), Optional.of(RECEIVED.plusSeconds(60)), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty()))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("an exchanging flow has an exchange deadline");
        }

        @Test
        void eachStepKeepsTheVerifierUntilTheEndWhichDropsTheSecretsButKeepsWhenTheCodeCame() {
            Optional<PkceVerifier> verifier = Optional.of(new PkceVerifier(VERIFIER_TEXT));
            Flow.Progress holding = Flow.Progress.awaitingUser(verifier)
                    .holding(CODE, CONFIRMATION, RECEIVED, RECEIVED.plusSeconds(60));

            Flow.Progress expired = holding.ended(FlowStatus.EXPIRED, RECEIVED.plusSeconds(60));

            assertThat(holding.status()).isEqualTo(FlowStatus.AWAITING_CONFIRMATION);
            assertThat(holding.pkceVerifier()).isEqualTo(verifier);
            assertThat(expired.status()).isEqualTo(FlowStatus.EXPIRED);
            assertThat(expired.pkceVerifier()).isEmpty();
            assertThat(expired.heldCode()).isEmpty();
            assertThat(expired.confirmationCode()).isEmpty();
            assertThat(expired.codeReceivedAt()).contains(RECEIVED);
            assertThat(expired.endedAt()).contains(RECEIVED.plusSeconds(60));
        }

        @Test
        void aFlowCompletedByRedirectCannotBeRestoredAwaitingConfirmation() {
            Flow.Origin byRedirect = awaiting(FlowKind.ONGOING_ACCESS, FlowCompletion.REDIRECT).snapshot().origin();
            Flow.Progress holding = Flow.Progress.awaitingUser(Optional.empty())
                    .holding(CODE, CONFIRMATION, RECEIVED, RECEIVED.plusSeconds(60));

            assertThatThrownBy(() -> new Flow.Snapshot(byRedirect, holding, 1))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("only a flow completed by confirmation awaits confirmation");
        }
    }

    /** Which operations a flow offers depends on its status: each status has its state type, an ended flow has none. */
    @Nested
    class States {
        final Flow confirmingFlow = awaiting(FlowKind.ONGOING_ACCESS, FlowCompletion.CONFIRM)
                .awaitingUser().orElseThrow()
                .holdCode(new AuthorizationCode("code-of-the-states"), new ConfirmationCode("confirm-of-the-states"), T, POLICY);

        @Test
        void aFlowAwaitingTheUserOffersOnlyWhatAwaitingTheUserAllows() {
            Flow flow = awaiting();

            assertThat(flow.awaitingUser()).isPresent();
            assertThat(flow.awaitingConfirmation()).isEmpty();
            assertThat(flow.exchanging()).isEmpty();
            assertThat(flow.unfinished()).containsInstanceOf(Flow.AwaitingUser.class);
        }

        @Test
        void aFlowAwaitingConfirmationOffersOnlyWhatAwaitingConfirmationAllows() {
            assertThat(confirmingFlow.awaitingUser()).isEmpty();
            assertThat(confirmingFlow.awaitingConfirmation()).isPresent();
            assertThat(confirmingFlow.exchanging()).isEmpty();
            assertThat(confirmingFlow.unfinished()).containsInstanceOf(Flow.AwaitingConfirmation.class);
        }

        @Test
        void anExchangingFlowOffersOnlyWhatExchangingAllows() {
            Flow flow = exchanging(T);

            assertThat(flow.awaitingUser()).isEmpty();
            assertThat(flow.awaitingConfirmation()).isEmpty();
            assertThat(flow.exchanging()).isPresent();
            assertThat(flow.unfinished()).containsInstanceOf(Flow.Exchanging.class);
        }

        @Test
        void anEndedFlowOffersNothing() {
            Flow.AwaitingUser waiting = awaiting().awaitingUser().orElseThrow();
            List<Flow> ended = List.of(
                    waiting.cancel(T),
                    waiting.fail(FlowFailure.PROVIDER_REPORTED_FAILURE, T),
                    waiting.lapse(T.plus(POLICY.flowLifetime())),
                    exchanging(T).exchanging().orElseThrow().complete(ConsentId.random(), T));

            for (Flow flow : ended) {
                assertThat(flow.isTerminal()).isTrue();
                assertThat(flow.unfinished()).as(flow.toString()).isEmpty();
                assertThat(flow.awaitingUser()).isEmpty();
                assertThat(flow.awaitingConfirmation()).isEmpty();
                assertThat(flow.exchanging()).isEmpty();
            }
        }

        @Test
        void aStateIsAViewOfTheFlowAndEachOperationAnswersTheNewFlow() {
            Flow flow = awaiting().withVersion(4);
            Flow.AwaitingUser waiting = flow.awaitingUser().orElseThrow();

            Flow cancelled = waiting.cancel(T.plusSeconds(1));

            assertThat(waiting.flow()).isSameAs(flow);
            assertThat(flow.status()).as("unchanged: immutable").isEqualTo(FlowStatus.AWAITING_USER);
            assertThat(cancelled.status()).isEqualTo(FlowStatus.CANCELLED);
            assertThat(cancelled.id()).isEqualTo(flow.id());
            assertThat(cancelled.version()).as("the repository moves the version on").isEqualTo(4);
        }

        @Test
        void aStateHoldsOnlyAFlowInItsStatus() {
            assertThatThrownBy(() -> new Flow.AwaitingUser(exchanging(T))).isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> new Flow.AwaitingConfirmation(awaiting())).isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> new Flow.Exchanging(confirmingFlow)).isInstanceOf(InvalidValueException.class);
        }

        @Test
        void everyUnfinishedStateLapsesByItsOwnClock() {
            Instant flowLifetime = T.plus(POLICY.flowLifetime());
            Instant codeLifetime = T.plus(POLICY.codeLifetime());
            Instant exchangeDeadline = T.plus(POLICY.exchangeTimeout());

            assertThat(awaiting().unfinished().orElseThrow().isLapsedAt(flowLifetime)).isTrue();
            assertThat(confirmingFlow.unfinished().orElseThrow().isLapsedAt(codeLifetime)).isTrue();
            assertThat(exchanging(T).unfinished().orElseThrow().isLapsedAt(exchangeDeadline)).isTrue();
            assertThat(exchanging(T).unfinished().orElseThrow().lapse(exchangeDeadline).status()).isEqualTo(FlowStatus.FAILED);
            assertThat(confirmingFlow.unfinished().orElseThrow().lapse(codeLifetime).status()).isEqualTo(FlowStatus.EXPIRED);
        }

        @Test
        void aStatePrintsItsFlowAndNoSecrets() {
            String printed = confirmingFlow.awaitingConfirmation().orElseThrow().toString();

            assertThat(printed).contains("AWAITING_CONFIRMATION")
                    .doesNotContain("code-of-the-states").doesNotContain("confirm-of-the-states").doesNotContain(VERIFIER_TEXT);
        }
    }

    @Nested
    class Printing {
        @Test
        void aSnapshotPrintsNeitherTheStateNorThePkceVerifier() {
            String printed = awaiting().snapshot().toString();

            assertThat(printed).doesNotContain(STATE_TEXT).doesNotContain(VERIFIER_TEXT).contains("***");
        }

        @Test
        void aFlowPrintsItsIdKindAndStatusOnly() {
            Flow flow = awaiting();

            assertThat(flow.toString()).contains(flow.id().toString(), "ONGOING_ACCESS", "AWAITING_USER")
                    .doesNotContain(STATE_TEXT);
        }
    }
}
