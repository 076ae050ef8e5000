package io.consentgateway.application.service;

import io.consentgateway.application.port.in.InvalidInput;
import io.consentgateway.application.port.out.ConsentProvider;
import io.consentgateway.domain.shared.ProviderId;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The installed providers by id: whatever adapters the deployment holds (bootstrap finds them through CDI). Two
 * adapters claiming one id are a deployment error, refused here so the gateway does not start.
 */
public final class ConsentProviders {
    private final Map<ProviderId, ConsentProvider> byId;

    public ConsentProviders(Collection<? extends ConsentProvider> providers) {
        Map<ProviderId, ConsentProvider> found = new java.util.LinkedHashMap<>();
        for (ConsentProvider provider : providers) {
            ConsentProvider earlier = found.putIfAbsent(provider.id(), provider);
            if (earlier != null) {
                throw new IllegalStateException("two provider adapters claim the id '" + provider.id() + "': "
                        + earlier.getClass().getName() + " and " + provider.getClass().getName()
                        + "; remove one from the deployment");
            }
        }
        this.byId = Map.copyOf(found);
    }

    /** Fails with a clear message unless {@code id} names an installed provider (checked at start-up). */
    public void requireInstalled(ProviderId id, String setting) {
        if (!byId.containsKey(id)) {
            throw new IllegalStateException(setting + "=" + id + " names no installed provider; installed: "
                    + byId.keySet().stream().map(ProviderId::value).sorted().collect(Collectors.joining(", ")));
        }
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
