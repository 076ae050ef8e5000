package io.consentgateway.adapter.out.persistence;

import io.consentgateway.application.port.out.DeliveryFilter;
import io.consentgateway.application.port.out.DeliveryPosition;
import io.consentgateway.application.port.out.DeliveryStatus;
import io.consentgateway.application.port.out.EventOutbox;
import io.consentgateway.application.port.out.EventType;
import io.consentgateway.application.port.out.GatewayEvent;
import io.consentgateway.application.port.out.WebhookDelivery;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.shared.UserId;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link EventOutbox} on the tables of migration V9. {@link #record} joins the caller's transaction (the change's);
 * {@link #claimDue} leases due deliveries in a transaction of its own, with the {@link LeaseClaim} the consents'
 * claims use ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL).
 */
final class JdbiEventOutbox implements EventOutbox {
    private static final int MOST_ERROR_CHARACTERS = 300;

    private static final String SELECT = """
            SELECT d.id, d.endpoint, d.status, d.attempts, d.next_attempt_at, d.last_attempt_at, d.last_error,
                   d.delivered_at, e.id AS event_id, e.type, e.occurred_at, e.user_id, e.provider, e.consent_id, e.flow_id,
                   e.status AS event_status, e.reason
              FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id""";

    private static final String DUE = """
            endpoint = :endpoint AND status = 'PENDING' AND next_attempt_at <= :now
               AND (lease_until IS NULL OR lease_until < :now)""";

    /** Along {@code webhook_deliveries_due_idx} (endpoint, status, next attempt), earliest due first. */
    private static final LeaseClaim CLAIM = new LeaseClaim("webhook_deliveries", DUE, "next_attempt_at");

    /**
     * The oldest events whose deliveries all ended before {@code :before} (none is pending, none was attempted
     * since). An event occurs before its deliveries' attempts, so only events older than {@code :before} can qualify:
     * the scan is a range of {@code webhook_events_occurred_idx} (V11) from the oldest event, not the whole table.
     */
    static final String FINISHED = """
            SELECT e.id FROM webhook_events e
             WHERE e.occurred_at < :before
               AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d
                                WHERE d.event_id = e.id
                                  AND (d.status = 'PENDING' OR d.last_attempt_at IS NULL
                                       OR d.last_attempt_at >= :before))
             ORDER BY e.occurred_at
             LIMIT :limit""";

    /**
     * The deletion's guard, checked again on each row: a delivery made due again since {@link #FINISHED} read it (an
     * operator's redelivery) is kept, and so is its event.
     */
    private static final String ENDED_BEFORE = "d.status <> 'PENDING' AND d.last_attempt_at < :before";

    private final Database database;
    private final String node;

    JdbiEventOutbox(Database database, String node) {
        this.database = database;
        this.node = node;
    }

    @Override
    public void record(GatewayEvent event, List<String> endpoints) {
        database.inTransaction(() -> database.withHandle(handle -> {
            handle.createUpdate("""
                            INSERT INTO webhook_events (id, type, occurred_at, user_id, provider, consent_id, flow_id, status, reason)
                            VALUES (:id, :type, :occurred_at, :user_id, :provider, :consent_id, :flow_id, :status, :reason)""")
                    .bind("id", Columns.uuid(event.id()))
                    .bind("type", event.type().wireName())
                    .bind("occurred_at", Columns.instant(event.occurredAt()))
                    .bind("user_id", event.userId().value())
                    .bind("provider", event.provider().value())
                    .bind("consent_id", Columns.uuid(event.consentId().map(ConsentId::value).orElse(null)))
                    .bind("flow_id", Columns.uuid(event.flowId().map(FlowId::value).orElse(null)))
                    .bind("status", event.status())
                    .bind("reason", event.reason().orElse(null))
                    .execute();
            for (String endpoint : endpoints) {
                handle.createUpdate("""
                                INSERT INTO webhook_deliveries (id, event_id, endpoint, status, attempts, next_attempt_at)
                                VALUES (:id, :event_id, :endpoint, 'PENDING', 0, :due)""")
                        .bind("id", Columns.uuid(UUID.randomUUID()))
                        .bind("event_id", Columns.uuid(event.id()))
                        .bind("endpoint", endpoint)
                        .bind("due", Columns.instant(event.occurredAt()))
                        .execute();
            }
            return null;
        }));
    }

    @Override
    public List<WebhookDelivery> claimDue(String endpoint, Instant now, int limit, Instant leaseUntil) {
        if (limit < 1) {
            return List.of();
        }
        List<UUID> claimed = database.inOwnTransaction(handle -> CLAIM.claim(handle, database.dialect(),
                Map.of("endpoint", endpoint), now, limit, leaseUntil, node));
        if (claimed.isEmpty()) {
            return List.of();
        }
        return database.withHandle(handle -> handle.createQuery(SELECT + " WHERE d.id IN (<ids>)")
                        .bindList("ids", claimed)
                        .map((rs, ctx) -> read(rs))
                        .list())
                .stream()
                .sorted(Comparator.comparing((WebhookDelivery d) -> d.nextAttemptAt().orElseThrow())
                        .thenComparing(d -> d.event().occurredAt()))
                .toList();
    }

    @Override
    public void delivered(UUID deliveryId, int attempts, Instant at) {
        update("""
                UPDATE webhook_deliveries SET status = 'DELIVERED', attempts = :attempts, next_attempt_at = NULL,
                       last_attempt_at = :at, delivered_at = :at, lease_until = NULL, lease_holder = NULL
                 WHERE id = :id""", deliveryId, attempts, at, null, null);
    }

    @Override
    public void retryAt(UUID deliveryId, int attempts, String error, Instant at, Instant nextAttemptAt) {
        update("""
                UPDATE webhook_deliveries SET status = 'PENDING', attempts = :attempts, next_attempt_at = :next,
                       last_attempt_at = :at, last_error = :error, lease_until = NULL, lease_holder = NULL
                 WHERE id = :id""", deliveryId, attempts, at, error, nextAttemptAt);
    }

    @Override
    public void failed(UUID deliveryId, int attempts, String error, Instant at) {
        update("""
                UPDATE webhook_deliveries SET status = 'FAILED', attempts = :attempts, next_attempt_at = NULL,
                       last_attempt_at = :at, last_error = :error, lease_until = NULL, lease_holder = NULL
                 WHERE id = :id""", deliveryId, attempts, at, error, null);
    }

    private void update(String sql, UUID id, int attempts, Instant at, String error, Instant next) {
        database.inTransaction(() -> database.withHandle(handle -> {
            var update = handle.createUpdate(sql)
                    .bind("id", Columns.uuid(id))
                    .bind("attempts", attempts)
                    .bind("at", Columns.instant(at));
            if (sql.contains(":error")) {
                update.bind("error", error == null || error.length() <= MOST_ERROR_CHARACTERS
                        ? error : error.substring(0, MOST_ERROR_CHARACTERS));
            }
            if (sql.contains(":next")) {
                update.bind("next", Columns.instant(next));
            }
            return update.execute();
        }));
    }

    @Override
    public List<WebhookDelivery> deliveries(DeliveryFilter filter, Optional<DeliveryPosition> after, int limit) {
        return database.withHandle(handle -> handle.createQuery(listing(filter, after.isPresent()))
                .bindMap(filterValues(filter))
                .bind("after_at", Columns.instant(after.map(DeliveryPosition::occurredAt).orElse(null)))
                .bind("after_id", Columns.uuid(after.map(DeliveryPosition::deliveryId).orElse(null)))
                .bind("limit", limit)
                .map((rs, ctx) -> read(rs))
                .list());
    }

    /**
     * A page of the operators' list: newest event first, along {@code webhook_events_occurred_idx} walked backwards
     * (V11); the delivery id orders the deliveries of one event, and of events of the same moment.
     */
    static String listing(DeliveryFilter filter, boolean afterCursor) {
        return SELECT + " WHERE " + matching(filter, "d.")
                + (afterCursor ? " AND (e.occurred_at < :after_at OR e.occurred_at = :after_at AND d.id < :after_id)" : "")
                + " ORDER BY e.occurred_at DESC, d.id DESC LIMIT :limit";
    }

    @Override
    public Optional<WebhookDelivery> delivery(UUID deliveryId) {
        return database.withHandle(handle -> handle.createQuery(SELECT + " WHERE d.id = :id")
                .bind("id", Columns.uuid(deliveryId))
                .map((rs, ctx) -> read(rs))
                .findOne());
    }

    @Override
    public boolean redeliver(UUID deliveryId, Instant now) {
        return database.inTransaction(() -> database.withHandle(handle -> handle.createUpdate("""
                        UPDATE webhook_deliveries SET status = 'PENDING', next_attempt_at = :now, delivered_at = NULL,
                               lease_until = NULL, lease_holder = NULL
                         WHERE id = :id""")
                .bind("id", Columns.uuid(deliveryId))
                .bind("now", Columns.instant(now))
                .execute() > 0));
    }

    @Override
    public int redeliverWaiting(DeliveryFilter filter, Instant now) {
        return database.inTransaction(() -> database.withHandle(handle -> handle.createUpdate("""
                        UPDATE webhook_deliveries SET status = 'PENDING', next_attempt_at = :now, lease_until = NULL,
                               lease_holder = NULL
                         WHERE (status = 'FAILED' OR status = 'PENDING' AND next_attempt_at > :now)
                           AND (lease_until IS NULL OR lease_until < :now)
                           AND\s""" + matching(filter, ""))
                .bindMap(filterValues(filter))
                .bind("now", Columns.instant(now))
                .execute()));
    }

    /** The filter as a condition on the deliveries' columns ({@code prefix}: their table's alias with its dot). */
    private static String matching(DeliveryFilter filter, String prefix) {
        return (filter.status().isPresent() ? prefix + "status = :status" : "1 = 1")
                + (filter.endpoint().isPresent() ? " AND " + prefix + "endpoint = :endpoint" : "");
    }

    private static Map<String, Object> filterValues(DeliveryFilter filter) {
        Map<String, Object> values = new HashMap<>();
        filter.status().ifPresent(status -> values.put("status", status.name()));
        filter.endpoint().ifPresent(endpoint -> values.put("endpoint", endpoint));
        return values;
    }

    @Override
    public int deleteByUser(UserId userId) {
        return database.inTransaction(() -> database.withHandle(handle -> {
            handle.createUpdate("""
                            DELETE FROM webhook_deliveries
                             WHERE event_id IN (SELECT id FROM webhook_events WHERE user_id = :user)""")
                    .bind("user", userId.value())
                    .execute();
            return handle.createUpdate("DELETE FROM webhook_events WHERE user_id = :user")
                    .bind("user", userId.value())
                    .execute();
        }));
    }

    @Override
    public int deleteFinishedBefore(Instant before, int limit) {
        if (limit < 1) {
            return 0;
        }
        return database.inOwnTransaction(handle -> {
            List<UUID> ids = handle.createQuery(FINISHED)
                    .bind("before", Columns.instant(before))
                    .bind("limit", limit)
                    .map((rs, ctx) -> Columns.uuid(rs, "id"))
                    .list();
            int deleted = 0;
            for (List<UUID> chunk : IdLists.chunks(ids)) {
                handle.createUpdate("DELETE FROM webhook_deliveries d WHERE d.event_id IN (<ids>) AND " + ENDED_BEFORE)
                        .bindList("ids", chunk)
                        .bind("before", Columns.instant(before))
                        .execute();
                deleted += handle.createUpdate("""
                                DELETE FROM webhook_events e
                                 WHERE e.id IN (<ids>)
                                   AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id)""")
                        .bindList("ids", chunk)
                        .execute();
            }
            return deleted;
        });
    }

    private static WebhookDelivery read(ResultSet rs) throws SQLException {
        GatewayEvent event = new GatewayEvent(
                Columns.uuid(rs, "event_id"),
                EventType.ofWireName(rs.getString("type")).orElseThrow(() ->
                        new IllegalStateException("unknown event type in webhook_events")),
                Columns.instant(rs, "occurred_at"),
                new UserId(rs.getString("user_id")),
                new ProviderId(rs.getString("provider")),
                Optional.ofNullable(Columns.uuid(rs, "consent_id")).map(ConsentId::new),
                Optional.ofNullable(Columns.uuid(rs, "flow_id")).map(FlowId::new),
                rs.getString("event_status"),
                Columns.optionalString(rs, "reason"));
        return new WebhookDelivery(Columns.uuid(rs, "id"), rs.getString("endpoint"),
                event, DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                Columns.optionalInstant(rs, "next_attempt_at"), Columns.optionalInstant(rs, "last_attempt_at"),
                Columns.optionalString(rs, "last_error"), Columns.optionalInstant(rs, "delivered_at"));
    }
}
