package io.consentgateway.application.testing;

import io.consentgateway.application.port.out.DeliveryFilter;
import io.consentgateway.application.port.out.DeliveryPosition;
import io.consentgateway.application.port.out.DeliveryStatus;
import io.consentgateway.application.port.out.EventOutbox;
import io.consentgateway.application.port.out.GatewayEvent;
import io.consentgateway.application.port.out.WebhookDelivery;
import io.consentgateway.domain.shared.UserId;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The outbox in memory: the reference the {@code EventOutboxContract} holds the database adapter to. */
public final class InMemoryEventOutbox implements EventOutbox {
    private final Map<UUID, WebhookDelivery> deliveries = new LinkedHashMap<>();
    private final Map<UUID, Instant> leases = new LinkedHashMap<>();

    @Override
    public synchronized void record(GatewayEvent event, List<String> endpoints) {
        for (String endpoint : endpoints) {
            UUID id = UUID.randomUUID();
            deliveries.put(id, new WebhookDelivery(id, endpoint, event, DeliveryStatus.PENDING, 0,
                    Optional.of(event.occurredAt()), Optional.empty(), Optional.empty(), Optional.empty()));
        }
    }

    @Override
    public synchronized List<WebhookDelivery> claimDue(String endpoint, Instant now, int limit, Instant leaseUntil) {
        List<WebhookDelivery> due = deliveries.values().stream()
                .filter(d -> d.endpoint().equals(endpoint) && d.status() == DeliveryStatus.PENDING)
                .filter(d -> !d.nextAttemptAt().orElseThrow().isAfter(now))
                .filter(d -> leases.getOrDefault(d.id(), Instant.MIN).isBefore(now))
                .sorted(Comparator.comparing((WebhookDelivery d) -> d.nextAttemptAt().orElseThrow())
                        .thenComparing(d -> d.event().occurredAt()))
                .limit(Math.max(0, limit))
                .toList();
        due.forEach(d -> leases.put(d.id(), leaseUntil));
        return due;
    }

    @Override
    public synchronized void delivered(UUID deliveryId, int attempts, Instant at) {
        update(deliveryId, d -> new WebhookDelivery(d.id(), d.endpoint(), d.event(), DeliveryStatus.DELIVERED, attempts,
                Optional.empty(), Optional.of(at), d.lastError(), Optional.of(at)));
    }

    @Override
    public synchronized void retryAt(UUID deliveryId, int attempts, String error, Instant at, Instant nextAttemptAt) {
        update(deliveryId, d -> new WebhookDelivery(d.id(), d.endpoint(), d.event(), DeliveryStatus.PENDING, attempts,
                Optional.of(nextAttemptAt), Optional.of(at), Optional.of(error), Optional.empty()));
    }

    @Override
    public synchronized void failed(UUID deliveryId, int attempts, String error, Instant at) {
        update(deliveryId, d -> new WebhookDelivery(d.id(), d.endpoint(), d.event(), DeliveryStatus.FAILED, attempts,
                Optional.empty(), Optional.of(at), Optional.of(error), Optional.empty()));
    }

    @Override
    public synchronized List<WebhookDelivery> deliveries(DeliveryFilter filter, Optional<DeliveryPosition> after, int limit) {
        return deliveries.values().stream()
                .filter(filter::matches)
                .filter(d -> after.map(place -> place.precedes(d)).orElse(true))
                .sorted(DeliveryPosition.LIST_ORDER)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized Optional<WebhookDelivery> delivery(UUID deliveryId) {
        return Optional.ofNullable(deliveries.get(deliveryId));
    }

    @Override
    public synchronized boolean redeliver(UUID deliveryId, Instant now) {
        if (!deliveries.containsKey(deliveryId)) {
            return false;
        }
        leases.remove(deliveryId);
        update(deliveryId, d -> new WebhookDelivery(d.id(), d.endpoint(), d.event(), DeliveryStatus.PENDING, d.attempts(),
                Optional.of(now), d.lastAttemptAt(), d.lastError(), Optional.empty()));
        return true;
    }

    @Override
    public synchronized int redeliverWaiting(DeliveryFilter filter, Instant now) {
        List<UUID> waiting = deliveries.values().stream()
                .filter(filter::matches)
                .filter(d -> d.status() == DeliveryStatus.FAILED
                        || d.status() == DeliveryStatus.PENDING && d.nextAttemptAt().orElseThrow().isAfter(now))
                .filter(d -> leases.getOrDefault(d.id(), Instant.MIN).isBefore(now))
                .map(WebhookDelivery::id)
                .toList();
        waiting.forEach(id -> redeliver(id, now));
        return waiting.size();
    }

    @Override
    public synchronized int deleteByUser(UserId userId) {
        List<UUID> events = deliveries.values().stream().filter(d -> d.event().userId().equals(userId))
                .map(d -> d.event().id()).distinct().toList();
        deliveries.values().removeIf(d -> events.contains(d.event().id()));
        return events.size();
    }

    @Override
    public synchronized int deleteFinishedBefore(Instant before, int limit) {
        List<UUID> unfinished = deliveries.values().stream()
                .filter(d -> d.status() == DeliveryStatus.PENDING
                        || d.lastAttemptAt().map(at -> !at.isBefore(before)).orElse(true))
                .map(d -> d.event().id()).distinct().toList();
        List<UUID> finished = events().stream().map(GatewayEvent::id)
                .filter(id -> !unfinished.contains(id)).limit(limit).toList();
        deliveries.values().removeIf(d -> finished.contains(d.event().id()));
        return finished.size();
    }

    /** Every event recorded and not deleted, oldest first, once each (whatever the number of endpoints). */
    public synchronized List<GatewayEvent> events() {
        return deliveries.values().stream().map(WebhookDelivery::event).distinct()
                .sorted(Comparator.comparing(GatewayEvent::occurredAt)).toList();
    }

    private void update(UUID id, java.util.function.UnaryOperator<WebhookDelivery> change) {
        WebhookDelivery current = deliveries.get(id);
        if (current != null) {
            deliveries.put(id, change.apply(current));
            leases.remove(id);
        }
    }
}
