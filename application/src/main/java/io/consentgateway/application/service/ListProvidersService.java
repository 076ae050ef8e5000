package io.consentgateway.application.service;

import io.consentgateway.application.port.in.ListProviders;

import java.util.Comparator;
import java.util.List;

/** The installed providers, the default first, then by id. */
public final class ListProvidersService implements ListProviders {
    private final ConsentProviders providers;
    private final GatewaySettings settings;

    public ListProvidersService(ConsentProviders providers, GatewaySettings settings) {
        this.providers = providers;
        this.settings = settings;
    }

    @Override
    public List<ProviderView> list() {
        return providers.ids().stream()
                .map(id -> new ProviderView(id, providers.of(id).supportedKinds(), id.equals(settings.defaultProvider())))
                .sorted(Comparator.comparing(ProviderView::isDefault).reversed()
                        .thenComparing(view -> view.id().value()))
                .toList();
    }
}
