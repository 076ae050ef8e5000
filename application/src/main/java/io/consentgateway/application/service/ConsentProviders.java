package io.consentgateway.application.service;

import io.consentgateway.application.port.in.InvalidInput;
import io.consentgateway.application.port.out.ConsentProvider;
import io.consentgateway.domain.shared.ProviderId;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The configured providers by id. Adding a provider is adding an adapter here, nothing else. */
public final class ConsentProviders {
    private final Map<ProviderId, ConsentProvider> byId;

    public ConsentProviders(Collection<? extends ConsentProvider> providers) {
        this.byId = providers.stream().collect(Collectors.toUnmodifiableMap(ConsentProvider::id, Function.identity()));
    }

    /** The provider a request names; an unknown one is the caller's error. */
    public ConsentProvider requested(ProviderId id) {
        ConsentProvider provider = byId.get(id);
        if (provider == null) {
            throw InvalidInput.of("provider", "unknown provider, expected one of "
                    + byId.keySet().stream().map(ProviderId::value).sorted().collect(Collectors.joining(", ")));
        }
        return provider;
    }

    /** The provider of a stored flow or consent; missing means the configuration lost an adapter. */
    public ConsentProvider of(ProviderId id) {
        ConsentProvider provider = byId.get(id);
        if (provider == null) {
            throw new IllegalStateException("no adapter is configured for provider " + id);
        }
        return provider;
    }

    public Set<ProviderId> ids() {
        return byId.keySet();
    }
}
