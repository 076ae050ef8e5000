package io.consentgateway.domain.flow;

import io.consentgateway.domain.policy.ConsentPolicy;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.DomainRuleViolation;
import io.consentgateway.domain.shared.InvalidValueException;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.shared.RedirectUri;
import io.consentgateway.domain.shared.Require;
import io.consentgateway.domain.shared.UserId;
import io.consentgateway.domain.token.AuthorizationCode;
import io.consentgateway.domain.token.PkceVerifier;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * One consent journey of one user with one provider.
 *
 * <pre>
 *   AwaitingUser --beginExchange--> Exchanging --complete--> COMPLETED
 *    (AWAITING_USER)    (EXCHANGING)  |  \--fail (refused, unreachable), lapse (deadline or code lapsed)--> FAILED
 *        |                            \--exchangeNotSent--> back to where it waited (AwaitingUser or AwaitingConfirmation)
 *        |---cancel (abort/cancel)--> CANCELLED
 *        |---fail (success=false / no code)--> FAILED
 *        |---lapse (flow lifetime passed)--> EXPIRED
 *        \--holdCode (completion confirmed)--> AwaitingConfirmation --confirm (the starting user)--> Exchanging
 *                                          (AWAITING_CONFIRMATION)  |---fail (another user confirmed)--> FAILED
 *                                                                   \--lapse (code lifetime passed)--> EXPIRED
 * </pre>
 *
 * Which operations a flow offers depends on its status, and the types say so: {@link #awaitingUser()},
 * {@link #awaitingConfirmation()} and {@link #exchanging()} answer the flow in that state (an {@link AwaitingUser},
 * {@link AwaitingConfirmation} or {@link Exchanging}), or nothing if it is in another; each offers the operations its
 * state allows and only those, so {@code cancel} cannot even be called on an exchanging flow. What every unfinished
 * flow can do ({@code fail}, and {@code lapse} once its time is up) is on their common type, {@link Unfinished}
 * ({@link #unfinished()}). An ended flow ({@code COMPLETED}, {@code CANCELLED}, {@code FAILED}, {@code EXPIRED}) has no
 * state to ask for: it can do nothing more. The states are views, not copies: {@code Flow} is the aggregate the
 * repository stores and restores, and each operation returns the new {@code Flow}.
 *
 * With confirmed completion (RFC 9700 §4.7.1: the callback alone does not prove that the browser bringing the code
 * belongs to the user who started the flow), the callback only holds the code; the code is exchanged when the user
 * who started the flow confirms it with their own credentials, so a widget link sent to a victim cannot deliver the
 * victim's bank data to the attacker who started the flow.
 *
 * Rules: a callback is accepted only with the flow's exact state (and only when the flow's provider recognises
 * it as this flow's); the flow completes at most once (only an {@link Exchanging} flow can complete, and completing
 * ends it); a flow left waiting expires after the policy's flow lifetime; a flow left in {@code EXCHANGING} (a crash
 * between callback and storage) fails once its exchange's deadline (or, sooner, its code's lifetime) has passed.
 * Immutable: every transition returns the new flow, and the repository's optimistic {@code version} makes a concurrent
 * second transition fail instead of overwriting.
 *
 * A flow is two things: what it was started with ({@link Origin}: the user's {@link FlowRequest} and the
 * {@link Handshake} with the provider), which never changes, and how far it has come ({@link Progress}), which each
 * transition replaces. The rules that concern only one of them are checked by that record; the rule that needs both
 * (only a flow completed by confirmation awaits confirmation) by the {@link Snapshot} that holds them together.
 */
public final class Flow {

    /**
     * How the gateway and the provider set the flow up: the callback the gateway gave the provider (its redirect URI,
     * and the state that proves a callback belongs to this flow), and what the provider handed back (the widget link the
     * user is sent to, and the provider's own id for the flow, where it has one).
     */
    public record Handshake(State state, RedirectUri redirectUri, Optional<String> providerFlowId, URI widgetUrl) {
        public Handshake {
            Require.nonNull(state, "state");
            Require.nonNull(redirectUri, "redirect URI");
            Require.nonNull(providerFlowId, "provider flow id (optional)");
            Require.nonNull(widgetUrl, "widget URL");
        }
    }

    /**
     * What the flow was started with; it never changes: its id, what the user asked for, the handshake with the
     * provider, when it started and until when it waits for the user.
     */
    public record Origin(FlowId id, FlowRequest request, Handshake handshake, Instant createdAt, Instant expiresAt) {
        public Origin {
            Require.nonNull(id, "flow id");
            Require.nonNull(request, "request");
            Require.nonNull(handshake, "handshake");
            Require.nonNull(createdAt, "created at");
            Require.nonNull(expiresAt, "expires at");
        }
    }

    /**
     * How far the flow has come: its status and what belongs to it. The PKCE verifier is kept until the flow ends;
     * a code, once received, has an expiry; a code and its confirmation code are held while, and only while, the flow
     * awaits confirmation; an exchange has a deadline; an ended flow has an end time, a completed one its consent and a
     * failed one its reason. Each transition is one of the named steps below, which keep the rest as it was.
     */
    public record Progress(
            FlowStatus status,
            Optional<PkceVerifier> pkceVerifier,
            Optional<AuthorizationCode> heldCode,
            Optional<ConfirmationCode> confirmationCode,
            Optional<Instant> codeReceivedAt,
            Optional<Instant> codeExpiresAt,
            Optional<Instant> exchangeDeadline,
            Optional<Instant> endedAt,
            Optional<ConsentId> consentId,
            Optional<FlowFailure> failure) {

        public Progress {
            Require.nonNull(status, "status");
            Require.optionals("flow progress", pkceVerifier, heldCode, confirmationCode, codeReceivedAt, codeExpiresAt,
                    exchangeDeadline, endedAt, consentId, failure);
            if (codeReceivedAt.isPresent() != codeExpiresAt.isPresent()) {
                throw new InvalidValueException("a received code has an expiry, and only then");
            }
            if ((status == FlowStatus.EXCHANGING || status == FlowStatus.AWAITING_CONFIRMATION) && codeReceivedAt.isEmpty()) {
                throw new InvalidValueException("an exchanging or confirming flow has received a code");
            }
            if (status == FlowStatus.EXCHANGING && exchangeDeadline.isEmpty()) {
                throw new InvalidValueException("an exchanging flow has an exchange deadline");
            }
            if ((status == FlowStatus.AWAITING_CONFIRMATION) != heldCode.isPresent()
                    || (status == FlowStatus.AWAITING_CONFIRMATION) != confirmationCode.isPresent()) {
                throw new InvalidValueException("a flow holds a code and its confirmation code while, and only while, it "
                        + "awaits confirmation");
            }
            if (status == FlowStatus.COMPLETED != consentId.isPresent()) {
                throw new InvalidValueException("a completed flow, and only a completed flow, has a consent");
            }
            if (status == FlowStatus.FAILED != failure.isPresent()) {
                throw new InvalidValueException("a failed flow, and only a failed flow, has a failure reason");
            }
            if (status.isTerminal() != endedAt.isPresent()) {
                throw new InvalidValueException("a flow has an end time exactly when it has ended");
            }
        }

        /** Waiting for the user to come back from the provider, keeping the PKCE verifier (if any) for the exchange. */
        public static Progress awaitingUser(Optional<PkceVerifier> pkceVerifier) {
            return new Progress(FlowStatus.AWAITING_USER, pkceVerifier, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        /** Exchanging a code received at {@code received}, valid until {@code codeExpires}; the exchange ends by {@code deadline}. */
        Progress exchanging(Instant received, Instant codeExpires, Instant deadline) {
            return new Progress(FlowStatus.EXCHANGING, pkceVerifier, Optional.empty(), Optional.empty(), Optional.of(received),
                    Optional.of(codeExpires), Optional.of(deadline), Optional.empty(), Optional.empty(), Optional.empty());
        }

        /** Holding a code received at {@code received}, valid until {@code codeExpires}, until the user confirms it. */
        Progress holding(AuthorizationCode code, ConfirmationCode confirmation, Instant received, Instant codeExpires) {
            return new Progress(FlowStatus.AWAITING_CONFIRMATION, pkceVerifier, Optional.of(code), Optional.of(confirmation),
                    Optional.of(received), Optional.of(codeExpires), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }

        /** The held code goes to the exchange (and is no longer held), which ends by {@code deadline}. */
        Progress confirmed(Instant deadline) {
            return exchanging(codeReceivedAt.orElseThrow(), codeExpiresAt.orElseThrow(), deadline);
        }

        /** The flow is cancelled or has expired. */
        Progress ended(FlowStatus endStatus, Instant at) {
            return end(endStatus, at, Optional.empty(), Optional.empty());
        }

        Progress completed(ConsentId consent, Instant at) {
            return end(FlowStatus.COMPLETED, at, Optional.of(consent), Optional.empty());
        }

        Progress failed(FlowFailure reason, Instant at) {
            return end(FlowStatus.FAILED, at, Optional.empty(), Optional.of(reason));
        }

        /**
         * A finished flow no longer needs its PKCE verifier, nor a held code: the secrets are dropped as soon as they
         * have served. When the code came and the exchange's deadline stay on record.
         */
        private Progress end(FlowStatus endStatus, Instant at, Optional<ConsentId> consent, Optional<FlowFailure> reason) {
            Require.nonNull(at, "time");
            return new Progress(endStatus, Optional.empty(), Optional.empty(), Optional.empty(), codeReceivedAt, codeExpiresAt,
                    exchangeDeadline, Optional.of(at), consent, reason);
        }
    }

    /** Everything a flow is, for storage and for {@link #restore(Snapshot)}: what it was started with, and how far it came. */
    public record Snapshot(Origin origin, Progress progress, long version) {

        public Snapshot {
            Require.nonNull(origin, "origin");
            Require.nonNull(progress, "progress");
            if (progress.status() == FlowStatus.AWAITING_CONFIRMATION
                    && origin.request().completion() != FlowCompletion.CONFIRM) {
                throw new InvalidValueException("only a flow completed by confirmation awaits confirmation");
            }
            if (version < 0) {
                throw new InvalidValueException("version must not be negative");
            }
        }
    }

    private final Snapshot s;

    private Flow(Snapshot snapshot) {
        this.s = snapshot;
    }

    /**
     * A flow the provider has just started for the user: waiting for the user until the policy's flow
     * lifetime has passed, keeping the PKCE verifier (if the provider's adapter made one) for the exchange.
     * Version 0 means "not stored yet".
     */
    public static Flow start(FlowId id, FlowRequest request, Handshake handshake, Optional<PkceVerifier> pkceVerifier,
                             Instant at, ConsentPolicy policy) {
        Require.nonNull(at, "start time");
        Origin origin = new Origin(id, request, handshake, at, at.plus(policy.flowLifetime()));
        return new Flow(new Snapshot(origin, Progress.awaitingUser(pkceVerifier), 0));
    }

    /** Rebuilds a stored flow; the snapshot's own checks keep an inconsistent row out. */
    public static Flow restore(Snapshot snapshot) {
        return new Flow(Require.nonNull(snapshot, "snapshot"));
    }

    public Snapshot snapshot() {
        return s;
    }

    /**
     * Checks that a callback carries this flow's exact state. Throws {@link CallbackMismatch} otherwise; the flow is
     * unchanged either way. (Whether the rest of the callback belongs to this flow, such as a provider's own flow id,
     * is for the flow's provider to judge: only it knows its callback's vocabulary.)
     */
    public void verifyCallback(State callbackState) {
        if (callbackState == null || !callbackState.equals(state())) {
            throw new CallbackMismatch("callback state does not match the flow");
        }
    }

    /**
     * True when the flow can no longer progress: waiting past its lifetime, confirming past its code's, or exchanging
     * past its code's or its exchange's deadline (the node exchanging it died). An ended flow never lapses.
     */
    public boolean isLapsedAt(Instant now) {
        return unfinished().map(flow -> flow.isLapsedAt(now)).orElse(false);
    }

    /**
     * The flow in the state it waits in, if it has not ended: {@link AwaitingUser}, {@link AwaitingConfirmation} or
     * {@link Exchanging}. An ended flow can do nothing more, so it has none.
     */
    public Optional<Unfinished> unfinished() {
        return switch (status()) {
            case AWAITING_USER -> Optional.of(new AwaitingUser(this));
            case AWAITING_CONFIRMATION -> Optional.of(new AwaitingConfirmation(this));
            case EXCHANGING -> Optional.of(new Exchanging(this));
            default -> Optional.empty();
        };
    }

    /** The flow as it awaits the user's return from the provider, if it does; empty in any other state. */
    public Optional<AwaitingUser> awaitingUser() {
        return status() == FlowStatus.AWAITING_USER ? Optional.of(new AwaitingUser(this)) : Optional.empty();
    }

    /** The flow as it holds a code for the starting user's confirmation, if it does; empty in any other state. */
    public Optional<AwaitingConfirmation> awaitingConfirmation() {
        return status() == FlowStatus.AWAITING_CONFIRMATION ? Optional.of(new AwaitingConfirmation(this)) : Optional.empty();
    }

    /** The flow as it exchanges its code, if it does; empty in any other state. */
    public Optional<Exchanging> exchanging() {
        return status() == FlowStatus.EXCHANGING ? Optional.of(new Exchanging(this)) : Optional.empty();
    }

    /**
     * A flow that has not ended, seen in the state it waits in. Each state offers the operations it allows, and only
     * those: there is no {@code cancel} on an exchanging flow to refuse, and no {@code complete} on a waiting one. What
     * every unfinished flow can do is here: fail, and lapse once its time in its state is up. Like the flow, a state is
     * immutable: each operation returns the new {@link Flow}, which the repository stores.
     */
    public sealed interface Unfinished permits AwaitingUser, AwaitingConfirmation, Exchanging {

        /** The flow in this state. */
        Flow flow();

        /** Whether the flow's time in this state is up; {@link #lapse} then ends it. */
        boolean isLapsedAt(Instant now);

        /**
         * The flow's time is up (see {@link #isLapsedAt}); what that ends it as depends on the state.
         *
         * @throws DomainRuleViolation if its time is not up yet
         */
        Flow lapse(Instant at);

        /** The flow fails for {@code reason}; the secrets it kept are dropped. */
        default Flow fail(FlowFailure reason, Instant at) {
            Require.nonNull(reason, "failure reason");
            return flow().next(flow().progress().failed(reason, at));
        }
    }

    /**
     * {@code AWAITING_USER}: the flow waits for the user to come back from the provider. The callback cancels it,
     * hands it a code to exchange (completion by redirect) or a code to hold for confirmation (completion by
     * confirmation). Its time is up when the flow's lifetime has passed; it then expires.
     */
    public record AwaitingUser(Flow flow) implements Unfinished {

        public AwaitingUser {
            requireIn(flow, FlowStatus.AWAITING_USER);
        }

        @Override
        public boolean isLapsedAt(Instant now) {
            return !now.isBefore(flow.expiresAt());
        }

        /** The flow lifetime passed before the user came back: {@code EXPIRED}. */
        @Override
        public Flow lapse(Instant at) {
            requireLapsed(this, at);
            return flow.next(flow.progress().ended(FlowStatus.EXPIRED, at));
        }

        /** The user cancelled at the provider (declined in its widget or on its consent page). */
        public Flow cancel(Instant at) {
            return flow.next(flow.progress().ended(FlowStatus.CANCELLED, at));
        }

        /**
         * The callback carries a code: the flow moves to {@code EXCHANGING}; the code is valid from now for the policy's
         * code lifetime, and the exchange must end within the policy's exchange timeout.
         *
         * @throws DomainRuleViolation if the flow is completed by confirmation, or its lifetime has passed
         */
        public Flow beginExchange(Instant at, ConsentPolicy policy) {
            if (flow.completion() != FlowCompletion.REDIRECT) {
                throw new DomainRuleViolation("a flow completed by confirmation exchanges its code only when confirmed");
            }
            if (isLapsedAt(at)) {
                throw new DomainRuleViolation("flow expired before its callback");
            }
            return flow.next(flow.progress().exchanging(at, at.plus(policy.codeLifetime()), at.plus(policy.exchangeTimeout())));
        }

        /**
         * Confirmed completion: the callback carries a code, which the flow holds until the user who started it
         * confirms, presenting {@code confirmation}, which only the browser that brought the code is given. The code is
         * valid from now for the policy's code lifetime, and confirming must happen within it.
         *
         * @throws DomainRuleViolation if the flow is completed by redirect, or its lifetime has passed
         */
        public Flow holdCode(AuthorizationCode code, ConfirmationCode confirmation, Instant at, ConsentPolicy policy) {
            Require.nonNull(code, "code");
            Require.nonNull(confirmation, "confirmation code");
            if (flow.completion() != FlowCompletion.CONFIRM) {
                throw new DomainRuleViolation("only a flow completed by confirmation holds its code");
            }
            if (isLapsedAt(at)) {
                throw new DomainRuleViolation("flow expired before its callback");
            }
            return flow.next(flow.progress().holding(code, confirmation, at, at.plus(policy.codeLifetime())));
        }
    }

    /**
     * {@code AWAITING_CONFIRMATION}: the flow holds the code its callback brought until the user who started it
     * confirms it with the confirmation code that callback handed out. Its time is up when the code's lifetime has
     * passed; it then expires, and the held code is dropped.
     */
    public record AwaitingConfirmation(Flow flow) implements Unfinished {

        public AwaitingConfirmation {
            requireIn(flow, FlowStatus.AWAITING_CONFIRMATION);
        }

        @Override
        public boolean isLapsedAt(Instant now) {
            return !now.isBefore(flow.codeExpiresAt().orElseThrow());
        }

        /** The code's lifetime passed before the user confirmed: {@code EXPIRED}, the held code dropped. */
        @Override
        public Flow lapse(Instant at) {
            requireLapsed(this, at);
            return flow.next(flow.progress().ended(FlowStatus.EXPIRED, at));
        }

        /** The code held for confirmation. */
        public AuthorizationCode heldCode() {
            return flow.progress().heldCode().orElseThrow();
        }

        /** The confirmation code the callback hands to the browser. */
        public ConfirmationCode confirmationCode() {
            return flow.progress().confirmationCode().orElseThrow();
        }

        /** Whether {@code presented} is the confirmation code this flow handed out (compared in constant time). */
        public boolean isConfirmedBy(ConfirmationCode presented) {
            return presented != null && presented.equals(confirmationCode());
        }

        /**
         * The user who started the flow confirms it with the confirmation code its callback handed out: the held code
         * goes to the exchange and is no longer kept (it is single use, and the flow is {@code EXCHANGING} from now on,
         * for at most the policy's exchange timeout).
         *
         * @throws DomainRuleViolation if {@code by} did not start the flow, or its code lapsed
         * @throws CallbackMismatch    if {@code presented} is not the flow's confirmation code
         */
        public Flow confirm(UserId by, ConfirmationCode presented, Instant at, ConsentPolicy policy) {
            Require.nonNull(by, "confirming user");
            if (!flow.userId().equals(by)) {
                throw new DomainRuleViolation("only the user who started a flow can confirm it");
            }
            if (!isConfirmedBy(presented)) {
                throw new CallbackMismatch("the confirmation code does not match the flow's");
            }
            if (isLapsedAt(at)) {
                throw new DomainRuleViolation("the flow's code lapsed before its confirmation");
            }
            return flow.next(flow.progress().confirmed(at.plus(policy.exchangeTimeout())));
        }
    }

    /**
     * {@code EXCHANGING}: the flow's code is being exchanged for tokens. The exchange completes the flow, fails it, or
     * never reached the provider and gives the code back. Its time is up when the code's lifetime or, sooner, the
     * exchange's deadline has passed (the node exchanging it died); it then fails, and the code is never presented
     * again: it may have been spent.
     */
    public record Exchanging(Flow flow) implements Unfinished {

        public Exchanging {
            requireIn(flow, FlowStatus.EXCHANGING);
        }

        @Override
        public boolean isLapsedAt(Instant now) {
            return !now.isBefore(endsAt());
        }

        /**
         * The exchange never ended: {@code FAILED}, {@link FlowFailure#EXCHANGE_INTERRUPTED} when its deadline passed,
         * {@link FlowFailure#CODE_EXPIRED} when the code's lifetime passed first.
         */
        @Override
        public Flow lapse(Instant at) {
            requireLapsed(this, at);
            boolean codeExpired = !at.isBefore(flow.codeExpiresAt().orElseThrow());
            return fail(codeExpired ? FlowFailure.CODE_EXPIRED : FlowFailure.EXCHANGE_INTERRUPTED, at);
        }

        /** May the received code still be exchanged at this instant (its lifetime and the exchange's deadline not passed)? */
        public boolean codeUsableAt(Instant at) {
            return at.isBefore(endsAt());
        }

        /** The tokens are stored as the given consent: the flow is {@code COMPLETED}, which it can be only once. */
        public Flow complete(ConsentId consentId, Instant at) {
            Require.nonNull(consentId, "consent id");
            return flow.next(flow.progress().completed(consentId, at));
        }

        /**
         * The exchange never reached the provider (refused before sending: the provider unreachable, or the gateway's
         * own bulkhead or circuit breaker), so the code is unspent. The flow goes back to where it waited for it, so the
         * same code can still complete it: a flow completed by redirect awaits its callback again (the browser repeats
         * it), a flow completed by confirmation holds the code again for the same confirmation.
         *
         * @param code         the unspent code
         * @param confirmation for a flow completed by confirmation, the confirmation code it handed out
         * @throws DomainRuleViolation if the flow is completed by confirmation and {@code confirmation} is empty
         */
        public Flow exchangeNotSent(AuthorizationCode code, Optional<ConfirmationCode> confirmation) {
            Require.nonNull(code, "code");
            Require.nonNull(confirmation, "confirmation code (optional)");
            Progress p = flow.progress();
            if (flow.completion() == FlowCompletion.CONFIRM) {
                ConfirmationCode handedOut = confirmation.orElseThrow(
                        () -> new DomainRuleViolation("a flow completed by confirmation needs its confirmation code"));
                return flow.next(p.holding(code, handedOut, p.codeReceivedAt().orElseThrow(), p.codeExpiresAt().orElseThrow()));
            }
            return flow.next(Progress.awaitingUser(p.pkceVerifier()));
        }

        /** Whichever comes first: the code's lifetime, or the time the exchange was given. */
        private Instant endsAt() {
            Instant code = flow.codeExpiresAt().orElseThrow();
            Instant deadline = flow.exchangeDeadline().orElseThrow();
            return deadline.isBefore(code) ? deadline : code;
        }
    }

    /** A state holds a flow in that state: {@link #awaitingUser()} and its siblings are the way to one. */
    private static void requireIn(Flow flow, FlowStatus status) {
        Require.nonNull(flow, "flow");
        if (flow.status() != status) {
            throw new InvalidValueException("not a flow in " + status + " (was " + flow.status() + ")");
        }
    }

    private static void requireLapsed(Unfinished state, Instant at) {
        if (!state.isLapsedAt(at)) {
            throw new DomainRuleViolation("flow has not lapsed");
        }
    }

    /** The code held for confirmation, while the flow awaits it. */
    public Optional<AuthorizationCode> heldCode() {
        return progress().heldCode();
    }

    /** The confirmation code the callback hands to the browser, while the flow awaits confirmation. */
    public Optional<ConfirmationCode> confirmationCode() {
        return progress().confirmationCode();
    }

    /** The repository's view after storing: the same flow at the next version. */
    public Flow withVersion(long version) {
        return new Flow(new Snapshot(s.origin(), s.progress(), version));
    }

    public FlowId id() {
        return origin().id();
    }

    public UserId userId() {
        return origin().request().userId();
    }

    public ProviderId provider() {
        return origin().request().provider();
    }

    public FlowKind kind() {
        return origin().request().kind();
    }

    public FlowStatus status() {
        return progress().status();
    }

    public State state() {
        return origin().handshake().state();
    }

    public RedirectUri redirectUri() {
        return origin().handshake().redirectUri();
    }

    public FlowOptions options() {
        return origin().request().options();
    }

    public Optional<URI> returnTo() {
        return origin().request().returnTo();
    }

    public FlowCompletion completion() {
        return origin().request().completion();
    }

    public Optional<ConsentId> renewalOf() {
        return origin().request().renewalOf();
    }

    public Optional<String> providerFlowId() {
        return origin().handshake().providerFlowId();
    }

    public URI widgetUrl() {
        return origin().handshake().widgetUrl();
    }

    public Optional<PkceVerifier> pkceVerifier() {
        return progress().pkceVerifier();
    }

    public Instant createdAt() {
        return origin().createdAt();
    }

    public Instant expiresAt() {
        return origin().expiresAt();
    }

    public Optional<Instant> codeExpiresAt() {
        return progress().codeExpiresAt();
    }

    /** While exchanging (and after): by when the exchange must have ended, else its node is taken for dead. */
    public Optional<Instant> exchangeDeadline() {
        return progress().exchangeDeadline();
    }

    public Optional<Instant> endedAt() {
        return progress().endedAt();
    }

    public Optional<ConsentId> consentId() {
        return progress().consentId();
    }

    public Optional<FlowFailure> failure() {
        return progress().failure();
    }

    public long version() {
        return s.version();
    }

    public boolean isTerminal() {
        return status().isTerminal();
    }

    /** The same flow, started alike and at the same version, having come this far. */
    private Flow next(Progress progress) {
        return new Flow(new Snapshot(s.origin(), progress, s.version()));
    }

    private Origin origin() {
        return s.origin();
    }

    private Progress progress() {
        return s.progress();
    }

    @Override
    public String toString() {
        return "Flow[" + id() + ", " + kind() + ", " + status() + ", provider " + provider() + "]";
    }
}
