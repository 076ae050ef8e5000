package io.consentgateway.application.port.in;

import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.shared.Require;

import java.util.List;
import java.util.Set;

/** Use case: which providers this gateway has installed, and what each offers, so a front end can let users choose. */
public interface ListProviders {
    List<ProviderView> list();

    /**
     * One installed provider.
     *
     * @param kinds     the kinds of flow it offers
     * @param isDefault whether a flow that names no provider goes to it
     */
    record ProviderView(ProviderId id, Set<FlowKind> kinds, boolean isDefault) {
        public ProviderView {
            Require.nonNull(id, "provider id");
            kinds = Set.copyOf(Require.nonNull(kinds, "kinds"));
        }
    }
}
