package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.testing.AdapterExtension;
import io.consentgateway.application.port.out.DeliveryFilter;
import io.consentgateway.application.port.out.EventOutbox;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static io.consentgateway.application.port.out.contract.PortFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention of finished webhook events costs what it deletes, not the outbox, and has no bound on the backlog:
 * <ul>
 *   <li>with 100,000 recent events and 100 old ones still pending (none to delete), PostgreSQL's plan for the
 *       retention's read is a range of {@code webhook_events_occurred_idx} that ends at the cut-off, with no scan of
 *       the table, and the operators' first page of deliveries walks the same index backwards;</li>
 *   <li>a backlog of 70,000 finished events (more than the 65,535 parameters PostgreSQL takes in one statement, which
 *       one {@code IN} list of them all would need) goes a batch at a time, oldest first, and leaves the recent and
 *       the pending ones.</li>
 * </ul>
 * Prints the plans (and the same read with the index turned off) and the timings.
 */
class PostgresOutboxRetentionScaleTest {
    private static final int RECENT = 100_000;
    private static final int PENDING_OLD = 100;
    private static final int BACKLOG = 70_000;
    private static final int BATCH = 1_000;
    private static final Instant NOW = T0.plus(Duration.ofDays(30));
    private static final Instant CUT_OFF = NOW.minus(Duration.ofDays(7));

    @RegisterExtension
    static final AdapterExtension db = AdapterExtension.postgres();

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theRetentionReadsOnlyEventsOlderThanItsCutOffAndWorksThroughABacklogInBatches() {
        Jdbi jdbi = Jdbi.create(db.database().dataSource());
        EventOutbox outbox = db.adapter().eventOutbox();
        long started = System.nanoTime();
        jdbi.useHandle(h -> {
            // Recent events, one a second back from NOW (the last 28 hours).
            insert(h, RECENT, "'DELIVERED'", "1 second", NOW);
            // Old events a node still retries: pending, due again later, older than the cut-off.
            insert(h, PENDING_OLD, "'PENDING'", "1 minute", CUT_OFF.minus(Duration.ofDays(1)));
            h.execute("ANALYZE webhook_events");
            h.execute("ANALYZE webhook_deliveries");
        });
        System.out.printf("[retention] inserted %,d recent and %,d old pending events in %d ms%n", RECENT, PENDING_OLD,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

        String plan = jdbi.withHandle(h -> explainRead(h, false));
        String forcedPlan = jdbi.withHandle(h -> explainRead(h, true));
        System.out.println("[retention] plan of the read with nothing to delete:\n" + plan);
        System.out.println("[retention] the same with enable_indexscan=off, enable_bitmapscan=off:\n" + forcedPlan);
        assertThat(plan).contains("webhook_events_occurred_idx")
                .doesNotContain("Seq Scan on webhook_events");
        assertThat(forcedPlan).contains("Seq Scan on webhook_events");
        assertThat(outbox.deleteFinishedBefore(CUT_OFF, BATCH)).isZero();

        String listPlan = jdbi.withHandle(h -> String.join("\n", h.createQuery("EXPLAIN ANALYZE "
                        + JdbiEventOutbox.listing(DeliveryFilter.ALL, false))
                .bind("limit", 101)
                .mapTo(String.class).list()));
        System.out.println("[retention] plan of the operators' first page of 100:\n" + listPlan);
        assertThat(listPlan).contains("Index Scan Backward using webhook_events_occurred_idx on webhook_events")
                .doesNotContain("Seq Scan");

        jdbi.useHandle(h -> {
            // Four days of finished events older than the cut-off.
            insert(h, BACKLOG, "'DELIVERED'", "5 seconds", CUT_OFF.minusSeconds(60));
            h.execute("ANALYZE webhook_events");
            h.execute("ANALYZE webhook_deliveries");
        });
        started = System.nanoTime();
        int calls = 0;
        int deleted = 0;
        int last;
        do {
            last = outbox.deleteFinishedBefore(CUT_OFF, BATCH);
            assertThat(last).isLessThanOrEqualTo(BATCH);
            deleted += last;
            calls++;
        } while (last == BATCH);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.printf("[retention] deleted a backlog of %,d finished events in %d calls of at most %,d: %d ms"
                + " (%.2f ms a batch)%n", deleted, calls, BATCH, millis, (double) millis / calls);

        assertThat(deleted).isEqualTo(BACKLOG);
        assertThat(count(jdbi, "webhook_events")).isEqualTo(RECENT + PENDING_OLD);
        assertThat(count(jdbi, "webhook_deliveries")).isEqualTo(RECENT + PENDING_OLD);
    }

    /**
     * {@code rows} events, one delivery each, the n-th occurring {@code n} steps of {@code step} before {@code newest};
     * each delivery attempted once, a second after its event, and in the status given (SQL).
     */
    private static void insert(Handle h, int rows, String status, String step, Instant newest) {
        h.createUpdate("""
                        INSERT INTO webhook_events (id, type, occurred_at, user_id, provider, status)
                        SELECT gen_random_uuid(), 'consent.revoked', :newest - n * INTERVAL '%s', 'user-' || (n %% 5000),
                               'nrich', 'REVOKED'
                          FROM generate_series(0, :rows - 1) AS n""".formatted(step))
                .bind("newest", Columns.instant(newest))
                .bind("rows", rows)
                .execute();
        h.createUpdate("""
                        INSERT INTO webhook_deliveries (id, event_id, endpoint, status, attempts, next_attempt_at,
                                                        last_attempt_at, delivered_at)
                        SELECT gen_random_uuid(), e.id, 'backend', %1$s, 1,
                               CASE WHEN %1$s = 'PENDING' THEN :due END, e.occurred_at + INTERVAL '1 second',
                               CASE WHEN %1$s = 'DELIVERED' THEN e.occurred_at + INTERVAL '1 second' END
                          FROM webhook_events e
                         WHERE NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id)"""
                        .formatted(status))
                .bind("due", Columns.instant(NOW.plusSeconds(600)))
                .execute();
    }

    /** The retention's read, explained as the database ran it; rolled back. */
    private static String explainRead(Handle h, boolean forceSequential) {
        h.begin();
        try {
            if (forceSequential) {
                h.execute("SET LOCAL enable_indexscan = off");
                h.execute("SET LOCAL enable_bitmapscan = off");
            }
            return String.join("\n", h.createQuery("EXPLAIN ANALYZE " + JdbiEventOutbox.FINISHED)
                    .bind("before", Columns.instant(CUT_OFF))
                    .bind("limit", BATCH)
                    .mapTo(String.class).list());
        } finally {
            h.rollback();
        }
    }

    private static long count(Jdbi jdbi, String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }
}
