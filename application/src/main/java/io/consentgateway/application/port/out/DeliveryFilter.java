package io.consentgateway.application.port.out;

import java.util.Objects;
import java.util.Optional;

/**
 * Which webhook deliveries an operator means: of one status or all, to one endpoint or all.
 *
 * @param status   the deliveries' status; empty: any
 * @param endpoint the endpoint's name; empty: any
 */
public record DeliveryFilter(Optional<DeliveryStatus> status, Optional<String> endpoint) {
    /** Every delivery. */
    public static final DeliveryFilter ALL = new DeliveryFilter(Optional.empty(), Optional.empty());

    public DeliveryFilter {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(endpoint, "endpoint");
    }

    /** The deliveries of this status, to any endpoint. */
    public static DeliveryFilter of(DeliveryStatus status) {
        return new DeliveryFilter(Optional.of(status), Optional.empty());
    }

    /** These deliveries, to this endpoint only. */
    public DeliveryFilter to(String endpointName) {
        return new DeliveryFilter(status, Optional.of(endpointName));
    }

    public boolean matches(WebhookDelivery delivery) {
        return status.map(s -> s == delivery.status()).orElse(true)
                && endpoint.map(e -> e.equals(delivery.endpoint())).orElse(true);
    }
}
