package io.consentgateway.it;

import io.consentgateway.it.support.AtOnce;
import io.consentgateway.it.support.GatewayClient;
import io.consentgateway.it.support.Http;
import io.consentgateway.it.support.Journey;
import io.consentgateway.it.support.Sandbox;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many users at once: every one of 200 users returning from the provider at the same moment gets their consent, and
 * 200 first reads at once all answer (repeating after Retry-After while their consent's first sync, its whole history,
 * waits behind the others). Surplus work waits its turn (within the exchange's patience) instead of being
 * refused, and a refusal by the gateway's own bulkhead never counts as the provider failing.
 */
class BurstIT {
    private static final int USERS = 200;

    @Test
    void twoHundredUsersReturningAtOnceAllCompleteAndTheirFirstReadsAllAnswer() throws Exception {
        List<Journey> users = new ArrayList<>();
        List<URI> callbacks = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            Journey user = Journey.newUser("burst");
            users.add(user);
            callbacks.add(Journey.approve(user.start("ONGOING_ACCESS").widgetUrl()));
        }
        Sandbox.Stats before = Sandbox.stats();

        List<String> outcomes = AtOnce.all(callbacks.stream().<Callable<String>>map(callback -> () -> browserReturns(callback)).toList());

        assertThat(AtOnce.countsOf(outcomes)).as("every user's flow").isEqualTo(Map.of("COMPLETED", USERS));
        assertThat(before.nrichDelta(Sandbox.stats(), Sandbox.EXCHANGE)).as("each code exchanged once").isEqualTo(USERS);

        List<Callable<String>> firstReads = new ArrayList<>();
        for (Journey user : users) {
            assertThat(user.consents()).as("each user's one consent").hasSize(1);
            String consentId = user.consents().getJsonObject(0).getString("id");
            firstReads.add(() -> firstRead(user.client(), consentId));
        }
        List<String> reads = AtOnce.all(firstReads);
        assertThat(AtOnce.countsOf(reads)).as("every first read").isEqualTo(Map.of("200", USERS));
    }

    /**
     * A front end's first read: the consent's first sync (its whole history) may still be under way behind 199 others,
     * so it repeats while the gateway answers 503 with Retry-After, within two minutes. A read that finds no sync under
     * way syncs the history itself, behind 199 others on two cores: it may take longer than the usual 30 s a test
     * waits, so it waits as long as a browser would (Chromium's 300 s).
     */
    private static String firstRead(GatewayClient client, String consentId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            Http.Response response = client.send(Http.request("/api/v1/consents/" + consentId + "/accounts")
                    .timeout(Duration.ofSeconds(300)).GET());
            if (response.status() != 503 || response.header("Retry-After").isEmpty() || System.nanoTime() > deadline) {
                return String.valueOf(response.status());
            }
            Thread.sleep(1000L * Long.parseLong(response.header("Retry-After").orElseThrow()));
        }
    }

    /** What a browser does with the callback: follows it, and repeats it while the gateway asks to try again. */
    private static String browserReturns(URI callback) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            Http.Response response = GatewayClient.anonymous(Http.request(callback.toString()).GET());
            if (response.status() == 303) {
                return Http.query(response.location()).get("outcome");
            }
            if (response.status() != 503 || System.nanoTime() > deadline) {
                return "HTTP " + response.status();
            }
            Thread.sleep(1000L * Long.parseLong(response.header("Retry-After").orElse("1")));
        }
    }
}
