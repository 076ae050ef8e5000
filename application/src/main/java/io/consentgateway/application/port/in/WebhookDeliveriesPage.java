package io.consentgateway.application.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of the operator's list of webhook deliveries, newest event first; {@code nextCursor} is empty on the last. */
public record WebhookDeliveriesPage(List<WebhookDeliveryView> deliveries, Optional<String> nextCursor) {
    public WebhookDeliveriesPage {
        deliveries = List.copyOf(deliveries);
        Objects.requireNonNull(nextCursor, "next cursor");
    }
}
