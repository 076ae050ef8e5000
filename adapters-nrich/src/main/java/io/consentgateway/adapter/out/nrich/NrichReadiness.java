package io.consentgateway.adapter.out.nrich;

import io.consentgateway.adapter.kit.ProviderReadiness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.Readiness;

import java.net.URI;

/**
 * Readiness check {@value #NAME}: ready only while nrich's host accepts connections. nrich publishes no health
 * endpoint, so this checks the network path (DNS, routing, the port of {@code cg.nrich.base-url} open), which is what
 * an operator can act on; it never calls the API and sends no credentials. With
 * {@code cg.health.provider-affects-readiness=false} the check still reports the host's state in its data but stays
 * UP, so an nrich outage does not take the whole API (callback, listing, revoking) out of a load balancer.
 *
 * <p>Discovered with the adapter (a {@code @Readiness} bean of this module): the application needs no wiring for it.
 */
@Readiness
@ApplicationScoped
public class NrichReadiness extends ProviderReadiness {
    public static final String NAME = "provider-nrich";

    /** For CDI's client proxy only. */
    protected NrichReadiness() {
    }

    @Inject
    public NrichReadiness(NrichConsentProvider nrich,
                          @ConfigProperty(name = AFFECTS_READINESS, defaultValue = "true") boolean affectsReadiness) {
        this(nrich.baseUri(), affectsReadiness);
    }

    /** Outside CDI (tests). */
    public NrichReadiness(URI baseUri, boolean affectsReadiness) {
        super(NAME, baseUri, affectsReadiness, DEFAULT_TIMEOUT_MILLIS);
    }
}
