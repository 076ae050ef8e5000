package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.testing.AdapterExtension;
import io.consentgateway.adapter.out.persistence.testing.InterleavingDataSource;
import io.consentgateway.adapter.out.persistence.testing.TestKeys;
import io.consentgateway.application.port.out.DeliveryFilter;
import io.consentgateway.application.port.out.DeliveryStatus;
import io.consentgateway.application.port.out.EventOutbox;
import io.consentgateway.application.port.out.EventType;
import io.consentgateway.application.port.out.GatewayEvent;
import io.consentgateway.application.port.out.WebhookDelivery;
import io.consentgateway.domain.shared.ProviderId;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.consentgateway.application.port.out.contract.PortFixtures.ALICE;
import static io.consentgateway.application.port.out.contract.PortFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention of finished webhook events on a real database, beyond the outbox contract: what the deletion does
 * when an operator's redelivery comes between its read and its delete, and a batch longer than one {@code IN} list.
 */
abstract class OutboxRetentionTests {
    private static final Instant DELIVERED_AT = T0.plusSeconds(1);
    private static final Instant BEFORE = T0.plus(Duration.ofDays(8));

    protected abstract AdapterExtension db();

    private EventOutbox outbox() {
        return db().adapter().eventOutbox();
    }

    /** {@code count} events, one delivery each to {@code a}, delivered at {@link #DELIVERED_AT}; oldest first. */
    private List<WebhookDelivery> delivered(int count) {
        IntStream.range(0, count).forEach(i -> outbox().record(new GatewayEvent(UUID.randomUUID(),
                EventType.CONSENT_REVOKED, T0.plusMillis(i), ALICE, new ProviderId("nrich"), Optional.empty(),
                Optional.empty(), "REVOKED", Optional.empty()), List.of("a")));
        List<WebhookDelivery> claimed = outbox().claimDue("a", DELIVERED_AT, count, DELIVERED_AT.plusSeconds(60));
        claimed.forEach(d -> outbox().delivered(d.id(), 1, DELIVERED_AT));
        return claimed;
    }

    @Test
    void aRedeliveryBetweenTheReadAndTheDeleteKeepsItsDeliveryAndEvent() {
        List<WebhookDelivery> finished = delivered(3);
        UUID sentAgain = finished.get(1).id();
        InterleavingDataSource interleaving = new InterleavingDataSource(db().database().dataSource(),
                "DELETE FROM webhook_deliveries", () -> assertThat(outbox().redeliver(sentAgain, BEFORE)).isTrue());
        EventOutbox retention = PersistenceAdapter.create(interleaving, TestKeys.ring()).eventOutbox();

        assertThat(retention.deleteFinishedBefore(BEFORE, 10)).isEqualTo(2);

        assertThat(interleaving.interleaved()).as("the redelivery came between the read and the delete").isTrue();
        assertThat(outbox().deliveries(DeliveryFilter.ALL, Optional.empty(), 10)).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(sentAgain);
            assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(d.event()).isEqualTo(finished.get(1).event());
        });
    }

    @Test
    void aBatchLongerThanOneInListIsDeletedWhole() {
        int events = IdLists.MOST_PER_STATEMENT * 2 + 7;
        Jdbi.create(db().database().dataSource()).useTransaction(h -> {
            PreparedBatch inserts = h.prepareBatch("""
                    INSERT INTO webhook_events (id, type, occurred_at, user_id, provider, status)
                    VALUES (:id, 'consent.revoked', :at, 'alice', 'nrich', 'REVOKED')""");
            PreparedBatch deliveries = h.prepareBatch("""
                    INSERT INTO webhook_deliveries (id, event_id, endpoint, status, attempts, last_attempt_at, delivered_at)
                    VALUES (:id, :event, 'a', 'DELIVERED', 1, :delivered, :delivered)""");
            for (int i = 0; i < events; i++) {
                UUID event = UUID.randomUUID();
                inserts.bind("id", Columns.uuid(event)).bind("at", Columns.instant(T0.plusMillis(i))).add();
                deliveries.bind("id", Columns.uuid(UUID.randomUUID())).bind("event", Columns.uuid(event))
                        .bind("delivered", Columns.instant(DELIVERED_AT)).add();
            }
            inserts.execute();
            deliveries.execute();
        });

        assertThat(outbox().deleteFinishedBefore(BEFORE, events - 1)).isEqualTo(events - 1);
        assertThat(outbox().deleteFinishedBefore(BEFORE, events)).isEqualTo(1);
        assertThat(outbox().deliveries(DeliveryFilter.ALL, Optional.empty(), 10)).isEmpty();
    }
}
