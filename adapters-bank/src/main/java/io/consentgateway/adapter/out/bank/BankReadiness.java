package io.consentgateway.adapter.out.bank;

import io.consentgateway.adapter.kit.ProviderReadiness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.Readiness;

import java.net.URI;

/**
 * {@code provider-tatrabanka}: ready only while the bank's host accepts connections. It checks the network path (DNS,
 * routing, the port open) of {@code cg.tatrabanka.base-url}, which is what an operator can act on, and never calls the
 * API (no token, no quota). With {@code cg.health.provider-affects-readiness=false} the check still reports the host's
 * state in its data ({@code reachable=false}) but stays UP, so a bank outage does not take the whole API out of a load
 * balancer.
 */
@Readiness
@ApplicationScoped
public class BankReadiness extends ProviderReadiness {
    public static final String NAME = "provider-tatrabanka";

    /** For CDI's client proxy only. */
    protected BankReadiness() {
    }

    /** Reads the base URL from the adapter, which has it from its settings ({@link BankConfig}), as nrich's check does. */
    @Inject
    public BankReadiness(BankConsentProvider bank,
                         @ConfigProperty(name = AFFECTS_READINESS, defaultValue = "true") boolean affectsReadiness) {
        this(bank.baseUri(), affectsReadiness, DEFAULT_TIMEOUT_MILLIS);
    }

    /** Outside CDI (tests). */
    public BankReadiness(URI base, boolean affectsReadiness, int timeoutMillis) {
        super(NAME, base, affectsReadiness, timeoutMillis);
    }
}
