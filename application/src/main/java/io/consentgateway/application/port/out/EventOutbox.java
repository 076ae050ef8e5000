package io.consentgateway.application.port.out;

import io.consentgateway.domain.shared.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The transactional outbox of the gateway's events: an event is recorded in the same database transaction as the change
 * that causes it ({@link UnitOfWork}), so a change without its event, or an event without its change, cannot be
 * stored. Its deliveries, one per endpoint, wait here until they are taken or given up.
 */
public interface EventOutbox {

    /** Records the event and a delivery of it to each endpoint, due at once, in the caller's transaction. */
    void record(GatewayEvent event, List<String> endpoints);

    /**
     * Claims up to {@code limit} deliveries to the endpoint that are due at {@code now} and that nobody else holds,
     * earliest due first, and leases them to the caller until {@code leaseUntil}: concurrent callers (other nodes) never
     * receive the same delivery ({@code FOR UPDATE SKIP LOCKED}), and a caller that dies lets its claims come due again
     * when the lease ends. Commits on its own.
     */
    List<WebhookDelivery> claimDue(String endpoint, Instant now, int limit, Instant leaseUntil);

    /** The endpoint took the delivery ({@code attempts} so far, this one included). */
    void delivered(UUID deliveryId, int attempts, Instant at);

    /** The attempt failed with {@code error}; the delivery is due again at {@code nextAttemptAt}. */
    void retryAt(UUID deliveryId, int attempts, String error, Instant at, Instant nextAttemptAt);

    /** The last attempt failed: the delivery is given up. */
    void failed(UUID deliveryId, int attempts, String error, Instant at);

    /**
     * The deliveries the filter names, newest event first (among events of the same moment, by delivery id: see
     * {@link DeliveryPosition}), at most {@code limit}; with {@code after}, only those listed after that place.
     */
    List<WebhookDelivery> deliveries(DeliveryFilter filter, Optional<DeliveryPosition> after, int limit);

    Optional<WebhookDelivery> delivery(UUID deliveryId);

    /** Makes the delivery due again at {@code now}, whatever its status; answers whether it exists. */
    boolean redeliver(UUID deliveryId, Instant now);

    /**
     * Makes every delivery the filter names that waits due at {@code now}: a given-up one ({@code FAILED}) gets one
     * more attempt, a pending one whose next attempt is later is sent now. A delivery that was taken
     * ({@code DELIVERED}), one that is due already, and one that a node holds (its lease not ended: its attempt is
     * under way) are left as they are. Answers how many it changed.
     */
    int redeliverWaiting(DeliveryFilter filter, Instant now);

    /** Deletes every event of the user and its deliveries (the erasure of a user); answers how many events. */
    int deleteByUser(UserId userId);

    /**
     * Deletes up to {@code limit} events, oldest first, whose every delivery was delivered or given up before
     * {@code before}, with their deliveries; answers how many. The batch bounds the work of one call whatever the
     * backlog (the first pass after a long pause, a shorter retention). A delivery made due again meanwhile (an
     * operator's redelivery) keeps itself and its event. Commits on its own.
     */
    int deleteFinishedBefore(Instant before, int limit);
}
