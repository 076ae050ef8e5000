package io.consentgateway.adapter.out.persistence;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How nodes share background work: a claim leases up to {@code limit} due rows of a table to one node until a given
 * time. Concurrent claimers (other nodes) never receive the same row, and a node that dies lets its claims come due
 * again when its lease ends. The consents' keep-alive and the webhook deliveries are claimed this way.
 *
 * <p>The table has {@code id}, {@code lease_until} and {@code lease_holder} columns and an index on its due time.
 * "Due" is the owner's condition on the row; it includes "nobody holds it" ({@code lease_until IS NULL OR
 * lease_until < :now}), and it may name parameters of its own, bound from the claim's {@code dueValues}.
 * <ul>
 *   <li>PostgreSQL: one statement. The inner select walks the due-time index from the earliest due row, locks up to
 *       {@code :limit} rows and skips the rows another claimer has locked ({@code FOR UPDATE SKIP LOCKED}); the
 *       update leases them.</li>
 *   <li>H2: the same select, then one update per row that checks the row is still due; a row leased meanwhile is
 *       not counted. H2 applies the {@code LIMIT} before it skips locked rows, so a claimer that meets another's
 *       locks may get fewer rows than are free, even none; the next claim takes them. H2 serves one node, whose
 *       claims of a kind do not overlap.</li>
 * </ul>
 */
final class LeaseClaim {
    /**
     * The PostgreSQL claim: {@code %1$s} the table, {@code %2$s} the due condition, {@code %3$s} the due column. A
     * compile-time constant, so that tools can read it from the class file ({@code bench/java/Perf.java} does).
     */
    static final String POSTGRESQL = """
            WITH due AS (
                SELECT id FROM %1$s
                 WHERE %2$s
                 ORDER BY %3$s
                 LIMIT :limit
                 FOR UPDATE SKIP LOCKED)
            UPDATE %1$s claimed SET lease_until = :lease, lease_holder = :node
              FROM due
             WHERE claimed.id = due.id
            RETURNING claimed.id, claimed.%3$s""";
    private static final String CANDIDATES_ON_H2 = """
            SELECT id, %3$s FROM %1$s
             WHERE %2$s
             ORDER BY %3$s
             LIMIT :limit
             FOR UPDATE SKIP LOCKED""";
    private static final String LEASE_ON_H2 =
            "UPDATE %1$s SET lease_until = :lease, lease_holder = :node WHERE id = :id AND %2$s";

    private final String postgresql;
    private final String candidatesOnH2;
    private final String leaseOnH2;
    private final String dueColumn;

    /**
     * @param table     the table whose rows are claimed
     * @param due       the condition that makes a row due, "nobody holds it" included
     * @param dueColumn the row's due time, by which the earliest due are claimed first (the column of its index)
     */
    LeaseClaim(String table, String due, String dueColumn) {
        this.postgresql = POSTGRESQL.formatted(table, due, dueColumn);
        this.candidatesOnH2 = CANDIDATES_ON_H2.formatted(table, due, dueColumn);
        this.leaseOnH2 = LEASE_ON_H2.formatted(table, due);
        this.dueColumn = dueColumn;
    }

    /** This claim's PostgreSQL statement, for tests of its plan: {@code :now}, {@code :limit}, {@code :lease}, {@code :node}. */
    String postgresql() {
        return postgresql;
    }

    /**
     * Leases up to {@code limit} due rows to {@code node} until {@code leaseUntil}, in the handle's transaction, and
     * answers their ids, earliest due first.
     *
     * @param dueValues the values of the due condition's own parameters (none: an empty map)
     */
    List<UUID> claim(Handle handle, Dialect dialect, Map<String, ?> dueValues, Instant now, int limit,
                     Instant leaseUntil, String node) {
        List<Claimed> claimed = switch (dialect) {
            case POSTGRESQL -> handle.createQuery(postgresql)
                    .bindMap(dueValues)
                    .bind("now", Columns.instant(now))
                    .bind("limit", limit)
                    .bind("lease", Columns.instant(leaseUntil))
                    .bind("node", node)
                    .map((rs, ctx) -> new Claimed(Columns.uuid(rs, "id"), Columns.instant(rs, dueColumn)))
                    .list();
            case H2 -> claimOnH2(handle, dueValues, now, limit, leaseUntil, node);
        };
        return claimed.stream()
                .sorted(Comparator.comparing(Claimed::due)) // RETURNING has no order
                .map(Claimed::id)
                .toList();
    }

    private List<Claimed> claimOnH2(Handle handle, Map<String, ?> dueValues, Instant now, int limit,
                                    Instant leaseUntil, String node) {
        List<Claimed> candidates = handle.createQuery(candidatesOnH2)
                .bindMap(dueValues)
                .bind("now", Columns.instant(now))
                .bind("limit", limit)
                .map((rs, ctx) -> new Claimed(Columns.uuid(rs, "id"), Columns.instant(rs, dueColumn)))
                .list();
        List<Claimed> leased = new ArrayList<>();
        for (Claimed candidate : candidates) {
            int updated = handle.createUpdate(leaseOnH2)
                    .bindMap(dueValues)
                    .bind("lease", Columns.instant(leaseUntil))
                    .bind("node", node)
                    .bind("id", Columns.uuid(candidate.id()))
                    .bind("now", Columns.instant(now))
                    .execute();
            if (updated == 1) {
                leased.add(candidate);
            }
        }
        return leased;
    }

    /** One claimed row: its id and due time. */
    private record Claimed(UUID id, Instant due) {
    }
}
