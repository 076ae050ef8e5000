package io.consentgateway.application.service;

import io.consentgateway.application.port.in.FieldError;
import io.consentgateway.application.port.in.FlowStarted;
import io.consentgateway.application.port.in.InvalidInput;
import io.consentgateway.application.port.in.StartFlow;
import io.consentgateway.application.port.in.StartFlowCommand;
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
import io.consentgateway.domain.flow.FlowOptions;
import io.consentgateway.domain.flow.ProviderOptions;
import io.consentgateway.domain.flow.State;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.shared.RedirectUri;
import io.consentgateway.domain.shared.UserId;

import java.net.URI;
import java.time.Clock;
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
        return begin(provider, command.userId(), command.kind(), command.options().withProviderOptions(checked),
                command.returnTo(), completion, Optional.empty());
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

    /** Shared with the renewal: asks the provider for a widget link and stores the flow. */
    FlowStarted begin(ConsentProvider provider, UserId userId, FlowKind kind, FlowOptions options, Optional<URI> returnTo,
                      FlowCompletion completion, Optional<ConsentId> renewalOf) {
        State state = states.newState();
        ProviderId providerId = provider.id();
        RedirectUri callback = settings.callbackUriFor(providerId);
        ProviderFlowRequest request = new ProviderFlowRequest(kind, state, callback, userId, options, renewalOf.isPresent());
        ProviderFlow started = provider.startFlow(request);
        Flow flow = Flow.start(FlowId.random(), userId, providerId, kind, state, callback, request.options(),
                returnTo, completion, renewalOf, started.providerFlowId(), started.widgetUrl(), started.pkceVerifier(), clock.instant(),
                settings.policyFor(providerId));
        Flow stored = flows.save(flow);
        return new FlowStarted(stored.id(), started.widgetUrl(), stored.expiresAt());
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
