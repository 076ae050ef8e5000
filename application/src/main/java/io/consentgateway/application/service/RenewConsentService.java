package io.consentgateway.application.service;

import io.consentgateway.application.port.in.FlowStarted;
import io.consentgateway.application.port.in.RenewConsent;
import io.consentgateway.application.port.in.RenewConsentCommand;
import io.consentgateway.application.port.out.ConsentProvider;
import io.consentgateway.application.port.in.WrongConsentKind;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.consent.ConsentNotUsable;
import io.consentgateway.domain.consent.NextAction;
import io.consentgateway.domain.flow.FlowCompletion;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.FlowOptions;
import io.consentgateway.domain.flow.FlowRequest;

import java.util.Map;
import java.util.Optional;

/**
 * Starts a re-consent flow for an ongoing consent. When it completes, the callback gives the existing consent
 * fresh tokens instead of creating a new one.
 */
public final class RenewConsentService implements RenewConsent {
    private final ConsentReader reader;
    private final StartFlowService flows;
    private final ConsentProviders providers;
    private final GatewaySettings settings;

    public RenewConsentService(ConsentReader reader, StartFlowService flows, ConsentProviders providers, GatewaySettings settings) {
        this.reader = reader;
        this.flows = flows;
        this.providers = providers;
        this.settings = settings;
    }

    @Override
    public FlowStarted renew(RenewConsentCommand command) {
        Consent consent = reader.owned(command.userId(), command.consentId());
        if (!consent.kind().isOngoing()) {
            throw new WrongConsentKind("a renewal", consent.kind());
        }
        // An ongoing consent that cannot be brought back is a revoked one: the user connects again.
        Consent.Reauthorizable renewable = consent.reauthorizable()
                .orElseThrow(() -> new ConsentNotUsable(consent.status(), NextAction.CONNECT_AGAIN));
        StartFlowService.checkReturnTo(command.returnTo(), settings);
        FlowCompletion completion = StartFlowService.completion(command.completion(), settings);
        ConsentProvider provider = providers.of(consent.provider());
        FlowOptions defaults = FlowOptions.defaultsFor(FlowKind.ONGOING_ACCESS);
        FlowOptions options = new FlowOptions(command.language(), defaults.accounts(), defaults.syncPeriod(),
                defaults.reportingPeriod(), StartFlowService.checkedOptions(provider, FlowKind.ONGOING_ACCESS, Map.of()));
        return flows.begin(provider, new FlowRequest(command.userId(), provider.id(), FlowKind.ONGOING_ACCESS, options,
                command.returnTo(), completion, Optional.of(renewable.consent().id())));
    }
}
