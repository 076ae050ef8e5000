package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.testing.AdapterExtension;
import io.consentgateway.adapter.out.persistence.testing.TestKeys;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.token.AccessToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.consentgateway.application.port.out.contract.PortFixtures.ALICE;
import static io.consentgateway.application.port.out.contract.PortFixtures.POLICY;
import static io.consentgateway.application.port.out.contract.PortFixtures.T0;
import static io.consentgateway.application.port.out.contract.PortFixtures.consentDueAt;
import static io.consentgateway.application.port.out.contract.PortFixtures.ongoingConsent;
import static io.consentgateway.application.port.out.contract.PortFixtures.tokens;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several nodes against one PostgreSQL: each simulated node has its own {@link PersistenceAdapter} (its own
 * {@code Jdbi}, its own connections), as separate servers would.
 */
class PostgresConcurrencyTest {
    private static final int NODES = 4;
    private static final Instant NOW = T0.plus(Duration.ofDays(40));

    @RegisterExtension
    static final AdapterExtension db = AdapterExtension.postgres();

    private PersistenceAdapter newNode() {
        return PersistenceAdapter.create(db.database().dataSource(), TestKeys.ring());
    }

    @Test
    @Timeout(120)
    void nodesClaimingAtOnceNeverClaimTheSameConsentAndTogetherClaimAllDueOnes() throws Exception {
        int due = 1_000;
        PersistenceAdapter seeder = db.adapter();
        Set<ConsentId> seeded = new HashSet<>(seeder.unitOfWork().inTransaction(() -> IntStream.range(0, due)
                .mapToObj(i -> seeder.consents().save(consentDueAt(NOW.minusMillis(i))).id())
                .toList()));
        seeder.consents().save(consentDueAt(NOW.plusSeconds(1))); // not due yet: must stay unclaimed

        ExecutorService pool = Executors.newFixedThreadPool(NODES);
        List<ConsentId> claimed = new ArrayList<>();
        long started = System.nanoTime();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<ConsentId>>> perNode = new ArrayList<>();
            for (int n = 0; n < NODES; n++) {
                PersistenceAdapter node = newNode();
                perNode.add(pool.submit(() -> {
                    start.await();
                    List<ConsentId> mine = new ArrayList<>();
                    for (List<ConsentId> batch = node.consents().claimDue(NOW, 25, NOW.plusSeconds(300)); !batch.isEmpty();
                         batch = node.consents().claimDue(NOW, 25, NOW.plusSeconds(300))) {
                        mine.addAll(batch);
                    }
                    return mine;
                }));
            }
            start.countDown();
            for (Future<List<ConsentId>> node : perNode) {
                List<ConsentId> mine = node.get(100, TimeUnit.SECONDS);
                System.out.println("[claim race] a node claimed " + mine.size() + " consents");
                claimed.addAll(mine);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("[claim race] %d nodes claimed %d due consents in %d ms%n", NODES, claimed.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

        assertThat(claimed).doesNotHaveDuplicates().hasSize(due);
        assertThat(new HashSet<>(claimed)).isEqualTo(seeded);
    }

    @Test
    @Timeout(120)
    void refreshersOnSeveralNodesRefreshAConsentOnceAndTheOthersUseTheWinnersToken() throws Exception {
        Consent stored = db.adapter().consents().save(ongoingConsent(ALICE, T0));
        AccessToken stale = stored.tokens().accessToken();
        int refreshers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(refreshers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> outcomes = new ArrayList<>();
            for (int r = 0; r < refreshers; r++) {
                PersistenceAdapter node = newNode();
                String mine = "at-from-refresher-" + r;
                outcomes.add(pool.submit(() -> {
                    start.await();
                    // the refresh protocol: lock, re-read under the lock, refresh only if still stale
                    return node.unitOfWork().inTransaction(() -> {
                        Consent locked = node.consents().lockForRefresh(stored.id()).orElseThrow();
                        if (!locked.tokens().accessToken().equals(stale)) {
                            return "used:" + locked.tokens().accessToken().reveal();
                        }
                        sleep(50); // the provider call
                        node.consents().save(locked.refreshable(T0.plusSeconds(60), POLICY).orElseThrow()
                                .refreshed(tokens(mine, "rt-" + mine)));
                        return "refreshed:" + mine;
                    });
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(60, TimeUnit.SECONDS));
            }

            Consent after = db.adapter().consents().findById(stored.id()).orElseThrow();
            String winner = after.tokens().accessToken().reveal();
            assertThat(results).filteredOn(r -> r.startsWith("refreshed:")).containsExactly("refreshed:" + winner);
            assertThat(results).filteredOn(r -> r.startsWith("used:")).hasSize(refreshers - 1)
                    .allMatch(r -> r.equals("used:" + winner));
            assertThat(after.version()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
