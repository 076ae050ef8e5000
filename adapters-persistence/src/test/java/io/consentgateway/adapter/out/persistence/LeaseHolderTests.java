package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.testing.AdapterExtension;
import io.consentgateway.adapter.out.persistence.testing.TestKeys;
import io.consentgateway.application.port.out.Consents;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.shared.ConsentId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.consentgateway.application.port.out.contract.PortFixtures.ALICE;
import static io.consentgateway.application.port.out.contract.PortFixtures.POLICY;
import static io.consentgateway.application.port.out.contract.PortFixtures.T0;
import static io.consentgateway.application.port.out.contract.PortFixtures.ongoingConsent;
import static org.assertj.core.api.Assertions.assertThat;

/** Two nodes on one database: a claim lease names its node, and only that node's save releases it. */
abstract class LeaseHolderTests {

    protected abstract AdapterExtension db();

    private Consents node(String name) {
        return PersistenceAdapter.create(db().database().dataSource(), TestKeys.ring(), name).consents();
    }

    @Test
    void aSaveOnAnotherNodeLeavesTheClaimAloneAndTheHoldersSaveReleasesIt() {
        Consents a = node("node-a");
        Consents b = node("node-b");
        Consent stored = a.save(ongoingConsent(ALICE, T0));
        Instant due = stored.nextCheckAt().orElseThrow();
        Instant lease = due.plus(Duration.ofMinutes(5));
        assertThat(a.claimDue(due, 10, lease)).containsExactly(stored.id());

        // A user's read on node B stores the consent while node A works on it.
        Consent read = b.findById(stored.id()).orElseThrow();
        b.save(read.usable(due.minusSeconds(1), POLICY).orElseThrow().recordUserActivity());

        assertThat(b.claimDue(due, 10, lease)).as("node A's claim still stands").isEmpty();
        Consent atA = a.findById(stored.id()).orElseThrow();
        a.save(atA.checkAgainAt(due));
        assertThat(b.claimDue(due, 10, lease)).as("released by node A's save").containsExactly(stored.id());
    }

    @Test
    void anExpiredLeaseOfAnotherNodeIsClaimedAgain() {
        Consents a = node("node-a");
        Consents b = node("node-b");
        ConsentId id = a.save(ongoingConsent(ALICE, T0)).id();
        Instant due = a.findById(id).orElseThrow().nextCheckAt().orElseThrow();
        a.claimDue(due, 10, due.plusSeconds(60));

        assertThat(b.claimDue(due.plusSeconds(30), 10, due.plusSeconds(90))).isEmpty();
        assertThat(b.claimDue(due.plusSeconds(61), 10, due.plusSeconds(120))).as("a crashed node's lease runs out")
                .containsExactly(id);
    }
}
