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
 *   AWAITING_USER --callback with code--> EXCHANGING --tokens stored--> COMPLETED
 *        |  \--abort/cancel--> CANCELLED            \--refused, unreachable, deadline or code lapsed--> FAILED
 *        |---success=false / no code--> FAILED
 *        |---flow lifetime passed--> EXPIRED
 *        \--callback with code, completion confirmed--> AWAITING_CONFIRMATION --the starting user confirms--> EXCHANGING
 *                                                          \--code lifetime passed--> EXPIRED
 * </pre>
 *
 * With confirmed completion (RFC 9700 §4.7.1: the callback alone does not prove that the browser bringing the code
 * belongs to the user who started the flow), the callback only holds the code; the code is exchanged when the user
 * who started the flow confirms it with their own credentials, so a widget link sent to a victim cannot deliver the
 * victim's bank data to the attacker who started the flow.
 *
 * Rules: a callback is accepted only with the flow's exact state (and only when the flow's provider recognises
 * it as this flow's); the flow completes at most once; a flow left waiting expires after the policy's
 * flow lifetime; a flow left in {@code EXCHANGING} (a crash between callback and storage) fails once its
 * exchange's deadline (or, sooner, its code's lifetime) has passed. Immutable: every transition returns the new flow, and the repository's
 * optimistic {@code version} makes a concurrent second transition fail instead of overwriting.
 */
public final class Flow {

    /** Everything a flow is, for storage and for {@link #restore(Snapshot)}. */
    public record Snapshot(
            FlowId id,
            UserId userId,
            ProviderId provider,
            FlowKind kind,
            State state,
            RedirectUri redirectUri,
            FlowOptions options,
            Optional<URI> returnTo,
            FlowCompletion completion,
            Optional<ConsentId> renewalOf,
            Optional<String> providerFlowId,
            URI widgetUrl,
            Optional<PkceVerifier> pkceVerifier,
            Optional<AuthorizationCode> heldCode,
            Optional<ConfirmationCode> confirmationCode,
            FlowStatus status,
            Instant createdAt,
            Instant expiresAt,
            Optional<Instant> codeReceivedAt,
            Optional<Instant> codeExpiresAt,
            Optional<Instant> exchangeDeadline,
            Optional<Instant> endedAt,
            Optional<ConsentId> consentId,
            Optional<FlowFailure> failure,
            long version) {

        public Snapshot {
            Require.nonNull(id, "flow id");
            Require.nonNull(userId, "user id");
            Require.nonNull(provider, "provider");
            Require.nonNull(kind, "kind");
            Require.nonNull(state, "state");
            Require.nonNull(redirectUri, "redirect URI");
            Require.nonNull(options, "options");
            Require.nonNull(returnTo, "return to (optional)");
            Require.nonNull(completion, "completion");
            Require.nonNull(renewalOf, "renewal of (optional)");
            Require.nonNull(providerFlowId, "provider flow id (optional)");
            Require.nonNull(widgetUrl, "widget URL");
            Require.nonNull(pkceVerifier, "PKCE verifier (optional)");
            Require.nonNull(heldCode, "held code (optional)");
            Require.nonNull(confirmationCode, "confirmation code (optional)");
            Require.nonNull(status, "status");
            Require.nonNull(createdAt, "created at");
            Require.nonNull(expiresAt, "expires at");
            Require.nonNull(codeReceivedAt, "code received at (optional)");
            Require.nonNull(codeExpiresAt, "code expires at (optional)");
            Require.nonNull(exchangeDeadline, "exchange deadline (optional)");
            Require.nonNull(endedAt, "ended at (optional)");
            Require.nonNull(consentId, "consent id (optional)");
            Require.nonNull(failure, "failure (optional)");
            if (renewalOf.isPresent() && kind != FlowKind.ONGOING_ACCESS) {
                throw new InvalidValueException("only an ongoing access can renew a consent");
            }
            if (codeReceivedAt.isPresent() != codeExpiresAt.isPresent()) {
                throw new InvalidValueException("a received code has an expiry, and only then");
            }
            if ((status == FlowStatus.EXCHANGING || status == FlowStatus.AWAITING_CONFIRMATION) && codeReceivedAt.isEmpty()) {
                throw new InvalidValueException("an exchanging or confirming flow has received a code");
            }
            if (status == FlowStatus.EXCHANGING && exchangeDeadline.isEmpty()) {
                throw new InvalidValueException("an exchanging flow has an exchange deadline");
            }
            if (status == FlowStatus.AWAITING_CONFIRMATION && completion != FlowCompletion.CONFIRM) {
                throw new InvalidValueException("only a flow completed by confirmation awaits confirmation");
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
            if (version < 0) {
                throw new InvalidValueException("version must not be negative");
            }
        }

        /** The same flow with its progress replaced; what it was started with, and its version, stay. */
        Snapshot with(Optional<PkceVerifier> verifier, Optional<AuthorizationCode> code,
                      Optional<ConfirmationCode> confirmation, FlowStatus newStatus,
                      Optional<Instant> codeReceived, Optional<Instant> codeExpires, Optional<Instant> deadline,
                      Optional<Instant> ended, Optional<ConsentId> consent, Optional<FlowFailure> failureReason) {
            return new Snapshot(id, userId, provider, kind, state, redirectUri, options, returnTo, completion, renewalOf,
                    providerFlowId, widgetUrl, verifier, code, confirmation, newStatus, createdAt, expiresAt, codeReceived,
                    codeExpires, deadline, ended, consent, failureReason, version);
        }

        Snapshot withVersion(long newVersion) {
            return new Snapshot(id, userId, provider, kind, state, redirectUri, options, returnTo, completion, renewalOf,
                    providerFlowId, widgetUrl, pkceVerifier, heldCode, confirmationCode, status, createdAt, expiresAt,
                    codeReceivedAt, codeExpiresAt, exchangeDeadline, endedAt, consentId, failure, newVersion);
        }
    }

    private final Snapshot s;

    private Flow(Snapshot snapshot) {
        this.s = snapshot;
    }

    /**
     * A flow the provider has just started for the user: waiting for the user until the policy's flow
     * lifetime has passed. Version 0 means "not stored yet".
     */
    public static Flow start(FlowId id, UserId userId, ProviderId provider, FlowKind kind, State state,
                             RedirectUri redirectUri, FlowOptions options, Optional<URI> returnTo, FlowCompletion completion,
                             Optional<ConsentId> renewalOf, Optional<String> providerFlowId, URI widgetUrl,
                             Optional<PkceVerifier> pkceVerifier, Instant at, ConsentPolicy policy) {
        Require.nonNull(options, "options");
        Require.nonNull(at, "start time");
        return new Flow(new Snapshot(id, userId, provider, kind, state, redirectUri, options.forKind(kind), returnTo, completion,
                renewalOf, providerFlowId, widgetUrl, pkceVerifier, Optional.empty(), Optional.empty(), FlowStatus.AWAITING_USER, at,
                at.plus(policy.flowLifetime()), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 0));
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
        if (callbackState == null || !callbackState.equals(s.state())) {
            throw new CallbackMismatch("callback state does not match the flow");
        }
    }

    /**
     * True when the flow can no longer progress: waiting past its lifetime, confirming past its code's, or exchanging
     * past its code's or its exchange's deadline (the node exchanging it died).
     */
    public boolean isLapsedAt(Instant now) {
        return switch (s.status()) {
            case AWAITING_USER -> !now.isBefore(s.expiresAt());
            case AWAITING_CONFIRMATION -> !now.isBefore(s.codeExpiresAt().orElseThrow());
            case EXCHANGING -> !now.isBefore(exchangeEndsAt());
            default -> false;
        };
    }

    /** Whichever comes first: the code's lifetime, or the time the exchange was given. */
    private Instant exchangeEndsAt() {
        Instant code = s.codeExpiresAt().orElseThrow();
        Instant deadline = s.exchangeDeadline().orElseThrow();
        return deadline.isBefore(code) ? deadline : code;
    }

    /** The user cancelled at the provider (declined in its widget or on its consent page). */
    public Flow cancel(Instant at) {
        requireStatus(FlowStatus.AWAITING_USER, "only a flow awaiting the user can be cancelled");
        return end(FlowStatus.CANCELLED, at, Optional.empty(), Optional.empty());
    }

    /**
     * The callback carries a code: the flow moves to {@code EXCHANGING}; the code is valid from now for the policy's code
     * lifetime, and the exchange must end within the policy's exchange timeout.
     */
    public Flow beginExchange(Instant at, ConsentPolicy policy) {
        requireStatus(FlowStatus.AWAITING_USER, "only a flow awaiting the user can receive a code");
        if (s.completion() != FlowCompletion.REDIRECT) {
            throw new DomainRuleViolation("a flow completed by confirmation exchanges its code only when confirmed");
        }
        if (isLapsedAt(at)) {
            throw new DomainRuleViolation("flow expired before its callback");
        }
        return copy(FlowStatus.EXCHANGING, Optional.empty(), Optional.empty(), Optional.of(at),
                Optional.of(at.plus(policy.codeLifetime())), Optional.of(at.plus(policy.exchangeTimeout())),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Confirmed completion: the callback carries a code, which the flow holds until the user who started it confirms,
     * presenting {@code confirmation}, which only the browser that brought the code is given. The code is valid from now
     * for the policy's code lifetime, and confirming must happen within it.
     */
    public Flow holdCode(AuthorizationCode code, ConfirmationCode confirmation, Instant at, ConsentPolicy policy) {
        Require.nonNull(code, "code");
        Require.nonNull(confirmation, "confirmation code");
        requireStatus(FlowStatus.AWAITING_USER, "only a flow awaiting the user can receive a code");
        if (s.completion() != FlowCompletion.CONFIRM) {
            throw new DomainRuleViolation("only a flow completed by confirmation holds its code");
        }
        if (isLapsedAt(at)) {
            throw new DomainRuleViolation("flow expired before its callback");
        }
        return copy(FlowStatus.AWAITING_CONFIRMATION, Optional.of(code), Optional.of(confirmation), Optional.of(at),
                Optional.of(at.plus(policy.codeLifetime())), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** Whether {@code presented} is the confirmation code this flow handed out (compared in constant time). */
    public boolean isConfirmedBy(ConfirmationCode presented) {
        return presented != null && s.confirmationCode().map(presented::equals).orElse(false);
    }

    /** The confirmation code the callback hands to the browser, while the flow awaits confirmation. */
    public Optional<ConfirmationCode> confirmationCode() {
        return s.confirmationCode();
    }

    /**
     * The user who started the flow confirms it with the confirmation code its callback handed out: the held code
     * goes to the exchange and is no longer kept (it is single use, and the flow is {@code EXCHANGING} from now on,
     * for at most the policy's exchange timeout).
     *
     * @throws DomainRuleViolation if {@code by} did not start the flow, it awaits no confirmation, or its code lapsed
     * @throws CallbackMismatch    if {@code presented} is not the flow's confirmation code
     */
    public Flow confirm(UserId by, ConfirmationCode presented, Instant at, ConsentPolicy policy) {
        Require.nonNull(by, "confirming user");
        if (!s.userId().equals(by)) {
            throw new DomainRuleViolation("only the user who started a flow can confirm it");
        }
        requireStatus(FlowStatus.AWAITING_CONFIRMATION, "only a flow awaiting confirmation can be confirmed");
        if (!isConfirmedBy(presented)) {
            throw new CallbackMismatch("the confirmation code does not match the flow's");
        }
        if (isLapsedAt(at)) {
            throw new DomainRuleViolation("the flow's code lapsed before its confirmation");
        }
        return copy(FlowStatus.EXCHANGING, Optional.empty(), Optional.empty(), s.codeReceivedAt(), s.codeExpiresAt(),
                Optional.of(at.plus(policy.exchangeTimeout())), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The code held for confirmation, if the flow awaits it. */
    public Optional<AuthorizationCode> heldCode() {
        return s.heldCode();
    }

    /**
     * The exchange never reached the provider (refused before sending: the provider unreachable, or the gateway's own
     * bulkhead or circuit breaker), so the code is unspent. The flow goes back to where it waited for it, so the same
     * code can still complete it: a flow completed by redirect awaits its callback again (the browser repeats it), a
     * flow completed by confirmation holds the code again for the same confirmation.
     *
     * @param code         the unspent code
     * @param confirmation for a flow completed by confirmation, the confirmation code it handed out
     */
    public Flow exchangeNotSent(AuthorizationCode code, Optional<ConfirmationCode> confirmation) {
        Require.nonNull(code, "code");
        Require.nonNull(confirmation, "confirmation code (optional)");
        requireStatus(FlowStatus.EXCHANGING, "only an exchanging flow can take its code back");
        if (s.completion() == FlowCompletion.CONFIRM) {
            return copy(FlowStatus.AWAITING_CONFIRMATION, Optional.of(code), Optional.of(confirmation.orElseThrow(
                            () -> new DomainRuleViolation("a flow completed by confirmation needs its confirmation code"))),
                    s.codeReceivedAt(), s.codeExpiresAt(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
        return copy(FlowStatus.AWAITING_USER, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** May the received code still be exchanged at this instant (its lifetime and the exchange's deadline not passed)? */
    public boolean codeUsableAt(Instant at) {
        return s.status() == FlowStatus.EXCHANGING && at.isBefore(exchangeEndsAt());
    }

    /** The tokens are stored as the given consent. A flow completes at most once. */
    public Flow complete(ConsentId consentId, Instant at) {
        Require.nonNull(consentId, "consent id");
        if (s.status() == FlowStatus.COMPLETED) {
            throw new DomainRuleViolation("flow already completed");
        }
        requireStatus(FlowStatus.EXCHANGING, "only a flow exchanging its code can complete");
        return end(FlowStatus.COMPLETED, at, Optional.of(consentId), Optional.empty());
    }

    public Flow fail(FlowFailure reason, Instant at) {
        Require.nonNull(reason, "failure reason");
        if (s.status().isTerminal()) {
            throw new DomainRuleViolation("flow already ended as " + s.status());
        }
        return end(FlowStatus.FAILED, at, Optional.empty(), Optional.of(reason));
    }

    /**
     * The flow's time is up: waiting for the user, or for the user's confirmation, becomes {@code EXPIRED} (the held
     * code is dropped). An exchange that never ended (its node died between callback and storage) becomes
     * {@code FAILED}: {@link FlowFailure#EXCHANGE_INTERRUPTED} when its deadline passed, {@link FlowFailure#CODE_EXPIRED}
     * when the code's lifetime passed first. The code is never presented again: it may have been spent.
     */
    public Flow lapse(Instant at) {
        if (!isLapsedAt(at)) {
            throw new DomainRuleViolation("flow has not lapsed");
        }
        if (s.status() != FlowStatus.EXCHANGING) {
            return end(FlowStatus.EXPIRED, at, Optional.empty(), Optional.empty());
        }
        boolean codeExpired = !at.isBefore(s.codeExpiresAt().orElseThrow());
        return end(FlowStatus.FAILED, at, Optional.empty(),
                Optional.of(codeExpired ? FlowFailure.CODE_EXPIRED : FlowFailure.EXCHANGE_INTERRUPTED));
    }

    /** The repository's view after storing: the same flow at the next version. */
    public Flow withVersion(long version) {
        return new Flow(s.withVersion(version));
    }

    public FlowId id() {
        return s.id();
    }

    public UserId userId() {
        return s.userId();
    }

    public ProviderId provider() {
        return s.provider();
    }

    public FlowKind kind() {
        return s.kind();
    }

    public FlowStatus status() {
        return s.status();
    }

    public State state() {
        return s.state();
    }

    public RedirectUri redirectUri() {
        return s.redirectUri();
    }

    public FlowOptions options() {
        return s.options();
    }

    public Optional<URI> returnTo() {
        return s.returnTo();
    }

    public FlowCompletion completion() {
        return s.completion();
    }

    public Optional<ConsentId> renewalOf() {
        return s.renewalOf();
    }

    public Optional<String> providerFlowId() {
        return s.providerFlowId();
    }

    public URI widgetUrl() {
        return s.widgetUrl();
    }

    public Optional<PkceVerifier> pkceVerifier() {
        return s.pkceVerifier();
    }

    public Instant createdAt() {
        return s.createdAt();
    }

    public Instant expiresAt() {
        return s.expiresAt();
    }

    public Optional<Instant> codeExpiresAt() {
        return s.codeExpiresAt();
    }

    /** While exchanging (and after): by when the exchange must have ended, else its node is taken for dead. */
    public Optional<Instant> exchangeDeadline() {
        return s.exchangeDeadline();
    }

    public Optional<Instant> endedAt() {
        return s.endedAt();
    }

    public Optional<ConsentId> consentId() {
        return s.consentId();
    }

    public Optional<FlowFailure> failure() {
        return s.failure();
    }

    public long version() {
        return s.version();
    }

    public boolean isTerminal() {
        return s.status().isTerminal();
    }

    private void requireStatus(FlowStatus expected, String rule) {
        if (s.status() != expected) {
            throw new DomainRuleViolation(rule + " (was " + s.status() + ")");
        }
    }

    private Flow end(FlowStatus status, Instant at, Optional<ConsentId> consentId, Optional<FlowFailure> failure) {
        Require.nonNull(at, "time");
        return copy(status, Optional.empty(), Optional.empty(), s.codeReceivedAt(), s.codeExpiresAt(), s.exchangeDeadline(),
                Optional.of(at), consentId, failure);
    }

    private Flow copy(FlowStatus status, Optional<AuthorizationCode> heldCode, Optional<ConfirmationCode> confirmation,
                      Optional<Instant> codeReceivedAt, Optional<Instant> codeExpiresAt, Optional<Instant> exchangeDeadline,
                      Optional<Instant> endedAt, Optional<ConsentId> consentId, Optional<FlowFailure> failure) {
        // A finished flow no longer needs its PKCE verifier: drop the secret as soon as it has served.
        Optional<PkceVerifier> verifier = status.isTerminal() ? Optional.empty() : s.pkceVerifier();
        return new Flow(s.with(verifier, heldCode, confirmation, status, codeReceivedAt, codeExpiresAt, exchangeDeadline,
                endedAt, consentId, failure));
    }

    @Override
    public String toString() {
        return "Flow[" + s.id() + ", " + s.kind() + ", " + s.status() + ", provider " + s.provider() + "]";
    }
}
