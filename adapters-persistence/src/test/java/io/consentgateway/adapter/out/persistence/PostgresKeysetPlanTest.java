package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.testing.AdapterExtension;
import io.consentgateway.domain.shared.ConsentId;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link KeysetPlanTests} on PostgreSQL: an Index Scan whose Index Cond holds the keyset's row comparison. */
class PostgresKeysetPlanTest extends KeysetPlanTests {
    @RegisterExtension
    static final AdapterExtension db = AdapterExtension.postgres();

    @Override
    protected AdapterExtension db() {
        return db;
    }

    @Override
    protected void analyze(Jdbi jdbi) {
        jdbi.useHandle(h -> h.execute("ANALYZE stored_transactions"));
    }

    @Override
    protected String explain(Jdbi jdbi, String page, ConsentId consent, TransactionKeyset range) {
        return jdbi.withHandle(h -> String.join("\n", JdbiAccountDataStore.bindRange(
                        h.createQuery("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) " + page), range)
                .bind("consent_id", consent.value())
                .bind("limit", LIMIT)
                .mapTo(String.class).list()));
    }

    @Override
    protected void assertReadsOnlyThePage(String plan, String index) {
        assertThat(plan).contains("Index Scan using " + index + " on stored_transactions")
                .containsPattern("Index Cond: .*ROW\\(sort_day, (account_key, )?transaction_key\\) > ROW")
                .contains("rows=" + LIMIT + " loops=1")
                .doesNotContain("Sort", "Seq Scan", "Filter", "Bitmap");
    }
}
