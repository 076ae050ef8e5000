package io.consentgateway.application.service;

import io.consentgateway.application.port.in.FieldError;
import io.consentgateway.application.port.in.FlowStarted;
import io.consentgateway.application.port.in.InvalidInput;
import io.consentgateway.application.port.in.StartFlow;
import io.consentgateway.application.port.in.StartFlowCommand;
import io.consentgateway.application.port.in.TooManyWaitingFlows;
import io.consentgateway.application.port.out.ConsentProvider;
import io.consentgateway.application.port.out.Flows;
import io.consentgateway.application.port.out.ProviderFlow;
import io.consentgateway.application.port.out.ProviderFlowRequest;
import io.consentgateway.application.port.out.ProviderOptionsRejected;
import io.consentgateway.application.port.out.StateGenerator;
import io.consentgateway.domain.flow.Flow;
import io.consentgateway.domain.flow.FlowCompletion;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.FlowRequest;
import io.consentgateway.domain.flow.ProviderOptions;
import io.consentgateway.domain.flow.State;
import io.consentgateway.domain.shared.RedirectUri;

import io.consentgateway.domain.shared.UserId;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Starts a flow: a fresh state, the provider's widget link, then the flow stored. No transaction is held
 * while the provider is called; if storing fails afterwards, the provider's flow is simply never used.
 */
public final class StartFlowService implements StartFlow {
    private final ConsentProviders providers;
    private final Flows flows;
    private final StateGenerator states;
    private final GatewaySettings settings;
    private final Clock clock;
    /** One start at a time per user on this node, so that the count of waiting flows holds (see {@link #begin}). */
    private final KeyedLocks<UserId> startsOfUser = new KeyedLocks<>();

    public StartFlowService(ConsentProviders providers, Flows flows, StateGenerator states, GatewaySettings settings, Clock clock) {
        this.providers = providers;
        this.flows = flows;
        this.states = states;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public FlowStarted start(StartFlowCommand command) {
        ConsentProvider provider = providers.requested(command.provider());
        if (!provider.supportedKinds().contains(command.kind())) {
            throw InvalidInput.of("kind", "provider " + provider.id() + " offers " + provider.supportedKinds().stream()
                    .map(FlowKind::name).sorted().collect(Collectors.joining(", ")));
        }
        checkReturnTo(command.returnTo(), settings);
        FlowCompletion completion = completion(command.completion(), settings);
        ProviderOptions checked = checkedOptions(provider, command.kind(), command.providerOptions());
        return begin(provider, FlowRequest.of(command.userId(), provider.id(), command.kind(),
                command.options().withProviderOptions(checked), command.returnTo(), completion));
    }

    /** The provider's own options as its adapter accepts them; each refused one named {@code providerOptions.<name>}. */
    static ProviderOptions checkedOptions(ConsentProvider provider, FlowKind kind, Map<String, Object> requested) {
        try {
            return provider.checkOptions(kind, requested);
        } catch (ProviderOptionsRejected rejected) {
            throw new InvalidInput(rejected.errors().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> new FieldError("providerOptions." + e.getKey(), e.getValue())).toList());
        }
    }

    /**
     * Shared with the renewal: asks the provider for a widget link, handing it a fresh state and this gateway's
     * callback, and stores the flow with what the user asked for and what the provider handed back. Refused before the
     * provider is asked when {@link GatewaySettings#maxWaitingFlows()} flows already wait for the user.
     */
    FlowStarted begin(ConsentProvider provider, FlowRequest asked) {
        // Counted, asked and stored under the user's lock: parallel starts of one user (a script, an attacker) would
        // otherwise all pass the count while the first of them is still at the provider. Another node's start can
        // still pass at the same moment, so with n nodes the cap may be passed by at most n - 1.
        return startsOfUser.withLock(asked.userId(), () -> {
            Instant now = clock.instant();
            Flows.Waiting waiting = flows.waiting(asked.userId(), now);
            if (waiting.count() >= settings.maxWaitingFlows()) {
                throw new TooManyWaitingFlows(settings.maxWaitingFlows(),
                        waiting.firstLapse().map(lapse -> Duration.between(now, lapse)).orElse(Duration.ZERO));
            }
            State state = states.newState();
            RedirectUri callback = settings.callbackUriFor(asked.provider());
            ProviderFlow answer = provider.startFlow(new ProviderFlowRequest(asked.kind(), state, callback, asked.userId(),
                    asked.options(), asked.isRenewal()));
            Flow.Handshake handshake = new Flow.Handshake(state, callback, answer.providerFlowId(), answer.widgetUrl());
            Flow flow = Flow.start(FlowId.random(), asked, handshake, answer.pkceVerifier(), clock.instant(),
                    settings.policyFor(asked.provider()));
            Flow stored = flows.save(flow);
            return new FlowStarted(stored.id(), answer.widgetUrl(), stored.expiresAt());
        });
    }

    /** Shared with the renewal: the completion the client asked for, refused as {@code completion} if weaker than the setting. */
    static FlowCompletion completion(Optional<FlowCompletion> asked, GatewaySettings settings) {
        try {
            return settings.completionFor(asked);
        } catch (IllegalArgumentException weaker) {
            throw InvalidInput.of("completion", weaker.getMessage());
        }
    }

    static void checkReturnTo(Optional<URI> returnTo, GatewaySettings settings) {
        if (returnTo.isPresent() && !settings.returnTo().permits(returnTo.get())) {
            throw InvalidInput.of("returnTo", "is not an allowed return URL");
        }
    }
}
