package io.consentgateway.application.service;

import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.shared.ConsentId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.consentgateway.application.service.GatewayHarness.ALICE;
import static io.consentgateway.application.service.GatewayHarness.BOB;
import static org.assertj.core.api.Assertions.assertThat;

/** The in-process single flight is per consent: a refresh stuck at the provider holds up only its own consent. */
class RefreshIsolationTest {
    final GatewayHarness h = new GatewayHarness();

    @Test
    void aSlowRefreshOfOneConsentDoesNotHoldUpAnother() throws Exception {
        ConsentId alices = h.connectOngoing(ALICE);
        ConsentId bobs = h.connectOngoing(BOB);
        h.clock.advance(Duration.ofHours(2)); // both access tokens expired: every read refreshes first
        CountDownLatch aliceInRefresh = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        h.provider.onNextRefresh(() -> {
            aliceInRefresh.countDown();
            await(release);
        });
        CompletableFuture<List<Account>> alice = CompletableFuture.supplyAsync(() -> h.readAccounts.accounts(ALICE, alices).data());
        assertThat(aliceInRefresh.await(5, TimeUnit.SECONDS)).isTrue();

        List<Account> bob = CompletableFuture.supplyAsync(() -> h.readAccounts.accounts(BOB, bobs).data()).get(5, TimeUnit.SECONDS);

        assertThat(bob).isNotEmpty();
        release.countDown();
        assertThat(alice.get(5, TimeUnit.SECONDS)).isNotEmpty();
        assertThat(h.refresher.consentsInFlight()).as("no lock entry is left behind").isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
