package io.consentgateway.application.port.out;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/**
 * A delivery's place in the operator's list, which runs newest event first and, among deliveries of events of the same
 * moment, by delivery id ({@link #ID_ORDER}): the list's next page starts after it. A keyset, not an offset: an event
 * recorded between two pages does not push a delivery of the last page onto the next one.
 */
public record DeliveryPosition(Instant occurredAt, UUID deliveryId) {
    /**
     * The list's order of delivery ids among events of the same moment: descending as the databases compare UUIDs
     * (byte by byte, unsigned), which is the order of their lower-case text. {@link UUID#compareTo} compares signed
     * numbers and would disagree.
     */
    public static final Comparator<UUID> ID_ORDER = Comparator.comparing(UUID::toString, Comparator.reverseOrder());

    /** The operator's list order: newest event first, then {@link #ID_ORDER}. */
    public static final Comparator<WebhookDelivery> LIST_ORDER = Comparator
            .comparing((WebhookDelivery d) -> d.event().occurredAt(), Comparator.reverseOrder())
            .thenComparing(WebhookDelivery::id, ID_ORDER);

    public DeliveryPosition {
        Objects.requireNonNull(occurredAt, "event time");
        Objects.requireNonNull(deliveryId, "delivery id");
    }

    public static DeliveryPosition of(WebhookDelivery delivery) {
        return new DeliveryPosition(delivery.event().occurredAt(), delivery.id());
    }

    /** Whether {@code delivery} is listed after this place (on a later page). */
    public boolean precedes(WebhookDelivery delivery) {
        int byTime = delivery.event().occurredAt().compareTo(occurredAt);
        return byTime < 0 || byTime == 0 && ID_ORDER.compare(delivery.id(), deliveryId) > 0;
    }
}
