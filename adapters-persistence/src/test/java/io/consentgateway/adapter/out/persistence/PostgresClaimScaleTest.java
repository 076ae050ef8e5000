package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.testing.AdapterExtension;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.consentgateway.application.port.out.contract.PortFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claim's cost follows the number of due consents, not the table: with 100,000 consents of which 1,000 are due,
 * PostgreSQL's plan for the claim walks the due-time index. Prints the plans and the timings of a claim of 100
 * with the index and with a forced sequential scan.
 */
class PostgresClaimScaleTest {
    private static final int ROWS = 100_000;
    private static final int DUE = 1_000;
    private static final int RUNS = 7;
    private static final Instant NOW = T0.plus(Duration.ofDays(40));

    @RegisterExtension
    static final AdapterExtension db = AdapterExtension.postgres();

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void claimOfDueConsentsUsesTheDueTimeIndexAmongOneHundredThousandConsents() {
        Jdbi jdbi = Jdbi.create(db.database().dataSource());
        long insertStarted = System.nanoTime();
        jdbi.useHandle(h -> {
            // 1,000 due (one per second before NOW), the rest due within the next ~70 days, every tenth never again.
            h.createUpdate("""
                    INSERT INTO consents (id, user_id, provider, kind, status, access_token_enc, token_type, scope,
                                          tokens_issued_at, access_expires_at, granted_at, last_user_activity_at,
                                          expires_at, next_check_at, version)
                    SELECT gen_random_uuid(), 'user-' || (n % 20000), 'nrich', 'ONGOING_ACCESS', 'ACTIVE',
                           'v1.bulk.not-a-real-ciphertext', 'Bearer', '', :t0, :t0, :t0, :t0, :t0 + INTERVAL '90 days',
                           CASE WHEN n <= :due THEN :now - n * INTERVAL '1 second'
                                WHEN n % 10 = 0 THEN NULL
                                ELSE :now + n * INTERVAL '1 minute' END,
                           1
                      FROM generate_series(1, :rows) AS n""")
                    .bind("t0", Columns.instant(T0))
                    .bind("now", Columns.instant(NOW))
                    .bind("due", DUE)
                    .bind("rows", ROWS)
                    .execute();
            h.execute("ANALYZE consents");
        });
        System.out.printf("[scale] inserted %,d consents (%,d due) and analyzed in %d ms%n", ROWS, DUE,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - insertStarted));

        String plan = jdbi.withHandle(h -> explain(h, false));
        String forcedPlan = jdbi.withHandle(h -> explain(h, true));
        double indexed = jdbi.withHandle(h -> medianClaimMillis(h, false));
        double sequential = jdbi.withHandle(h -> medianClaimMillis(h, true));

        System.out.println("[scale] claim plan:\n" + plan);
        System.out.println("[scale] plan with enable_indexscan=off, enable_bitmapscan=off:\n" + forcedPlan);
        System.out.printf("[scale] claim of 100 among %,d consents (%,d due), median of %d runs: index %.2f ms,"
                + " forced sequential scan %.2f ms (%.1fx)%n", ROWS, DUE, RUNS, indexed, sequential, sequential / indexed);

        assertThat(plan).contains("Index Scan using consents_next_check_at_idx on consents")
                .doesNotContain("Seq Scan on consents");
        assertThat(forcedPlan).contains("Seq Scan on consents");
        long stored = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM consents").mapTo(Long.class).one());
        assertThat(stored).isEqualTo(ROWS);
    }

    private static String explain(Handle h, boolean forceSequential) {
        h.begin();
        try {
            if (forceSequential) {
                forceSequentialScan(h);
            }
            return String.join("\n", bindClaim(h.createQuery("EXPLAIN " + JdbiConsents.CLAIM.postgresql()))
                    .mapTo(String.class).list());
        } finally {
            h.rollback();
        }
    }

    /** Runs the adapter's claim statement for 100 consents, each run rolled back so every run claims the same rows. */
    private static double medianClaimMillis(Handle h, boolean forceSequential) {
        List<Double> millis = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            h.begin();
            try {
                if (forceSequential) {
                    forceSequentialScan(h);
                }
                long started = System.nanoTime();
                int claimed = bindClaim(h.createQuery(JdbiConsents.CLAIM.postgresql())).mapToMap().list().size();
                millis.add((System.nanoTime() - started) / 1_000_000.0);
                assertThat(claimed).isEqualTo(100);
            } finally {
                h.rollback();
            }
        }
        Collections.sort(millis);
        return millis.get(RUNS / 2);
    }

    private static void forceSequentialScan(Handle h) {
        h.execute("SET LOCAL enable_indexscan = off");
        h.execute("SET LOCAL enable_bitmapscan = off");
    }

    private static Query bindClaim(Query query) {
        return query.bind("now", Columns.instant(NOW))
                .bind("limit", 100)
                .bind("lease", Columns.instant(NOW.plusSeconds(300)))
                .bind("node", "scale-test");
    }
}
