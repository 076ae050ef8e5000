package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.testing.AdapterExtension;
import io.consentgateway.domain.shared.ConsentId;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link KeysetPlanTests} on H2: the index is walked in order ({@code index sorted}: no sort of the range) and the scan
 * stops after the page ({@code scanCount}). H2 walks an index in order only when the {@code ORDER BY} names its columns
 * from the first, hence the fixed consent in the pages' {@code ORDER BY}. Unlike PostgreSQL, H2 seeks to the row
 * comparison's first column only (it derives {@code sort_day >= ?} from it), so it also reads the rows of the start's
 * day that come before the start: a page costs the page plus at most one day's transactions.
 */
class H2KeysetPlanTest extends KeysetPlanTests {
    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    @RegisterExtension
    static final AdapterExtension db = AdapterExtension.h2();

    @Override
    protected AdapterExtension db() {
        return db;
    }

    @Override
    protected String explain(Jdbi jdbi, String page, ConsentId consent, TransactionKeyset range) {
        return jdbi.withHandle(h -> JdbiAccountDataStore.bindRange(h.createQuery("EXPLAIN ANALYZE " + page), range)
                .bind("consent_id", consent.value())
                .bind("limit", LIMIT)
                .mapTo(String.class).one());
    }

    @Override
    protected void assertReadsOnlyThePage(String plan, String index) {
        assertThat(plan).contains("public." + index + ":").contains("/* index sorted */");
        Matcher scanned = SCAN_COUNT.matcher(plan);
        assertThat(scanned.find()).as("the plan counts the rows scanned").isTrue();
        assertThat(Integer.parseInt(scanned.group(1))).isLessThanOrEqualTo(LIMIT + MOST_ON_ONE_DAY);
    }
}
