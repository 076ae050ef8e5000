package io.consentgateway.application.service;

import io.consentgateway.application.port.in.InvalidInput;
import io.consentgateway.application.port.in.NotFound;
import io.consentgateway.application.port.in.WebhookDeliveriesPage;
import io.consentgateway.application.port.in.WebhookDeliveryView;
import io.consentgateway.application.port.out.DeliveryOutcomes;
import io.consentgateway.application.port.out.DeliveryFilter;
import io.consentgateway.application.port.out.DeliveryStatus;
import io.consentgateway.application.port.out.EventType;
import io.consentgateway.application.port.out.GatewayEvent;
import io.consentgateway.application.port.out.WebhookDelivery;
import io.consentgateway.application.port.out.WebhookSender;
import io.consentgateway.application.testing.InMemoryEventOutbox;
import io.consentgateway.application.testing.MutableClock;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** At-least-once delivery: the same event id on every attempt, the retry schedule, giving up, and one slow endpoint. */
class WebhookDispatchServiceTest {
    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    final MutableClock clock = new MutableClock(T0);
    final InMemoryEventOutbox outbox = new InMemoryEventOutbox();
    final List<Duration> schedule = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5));
    final WebhookSettings settings = new WebhookSettings(List.of("a", "b"), schedule, 0.2, 2, Duration.ofMinutes(1),
            Duration.ofDays(7));
    /** What each endpoint answers next: taken unless told otherwise. */
    final Map<String, Boolean> takes = new ConcurrentHashMap<>(Map.of("a", true, "b", true));
    final List<String> sent = new ArrayList<>();
    final Map<DeliveryOutcomes.Outcome, Integer> counted = new ConcurrentHashMap<>();
    final WebhookSender sender = sender((endpoint, event, at) -> {
        synchronized (sent) {
            sent.add(endpoint + ":" + event.id());
        }
        return takes.get(endpoint) ? WebhookSender.Attempt.taken(204) : WebhookSender.Attempt.notTaken("HTTP 500");
    });

    interface Send {
        WebhookSender.Attempt send(String endpoint, GatewayEvent event, Instant at);
    }

    WebhookSender sender(Send send) {
        return new WebhookSender() {
            @Override
            public List<String> endpoints() {
                return settings.endpoints();
            }

            @Override
            public Attempt send(String endpoint, GatewayEvent event, Instant at) {
                return send.send(endpoint, event, at);
            }
        };
    }
    double random = 0.5;
    WebhookDispatchService dispatcher = dispatcher(sender, Runnable::run);

    WebhookDispatchService dispatcher(WebhookSender sender, java.util.concurrent.Executor executor) {
        return new WebhookDispatchService(outbox, sender, settings, executor,
                (endpoint, outcome) -> counted.merge(outcome, 1, Integer::sum), () -> random, clock);
    }

    GatewayEvent event() {
        GatewayEvent event = new GatewayEvent(UUID.randomUUID(), EventType.CONSENT_REVOKED, clock.instant(),
                new UserId("alice"), new ProviderId("nrich"), Optional.of(ConsentId.random()), Optional.empty(), "REVOKED",
                Optional.empty());
        outbox.record(event, settings.endpoints());
        return event;
    }

    WebhookDelivery deliveryTo(String endpoint) {
        return outbox.deliveries(DeliveryFilter.ALL, Optional.empty(), 100).stream().filter(d -> d.endpoint().equals(endpoint)).findFirst()
                .orElseThrow();
    }

    @Test
    void everyEndpointGetsTheEventOnce() {
        GatewayEvent event = event();

        assertThat(dispatcher.deliverDue()).isEqualTo(2);
        assertThat(dispatcher.deliverDue()).isZero();

        assertThat(sent).containsExactlyInAnyOrder("a:" + event.id(), "b:" + event.id());
        assertThat(deliveryTo("a").status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(deliveryTo("a").attempts()).isEqualTo(1);
        assertThat(counted).isEqualTo(Map.of(DeliveryOutcomes.Outcome.SENT, 2));
    }

    @Test
    void anAttemptNotTakenIsRetriedOnScheduleWithTheSameEventIdThenGivenUp() {
        GatewayEvent event = event();
        takes.put("a", false);

        dispatcher.deliverDue();
        WebhookDelivery first = deliveryTo("a");
        assertThat(first.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(first.lastError()).contains("HTTP 500");
        assertThat(first.nextAttemptAt()).contains(T0.plusSeconds(5));

        clock.set(T0.plusSeconds(4));
        dispatcher.deliverDue();
        clock.set(T0.plusSeconds(5));
        dispatcher.deliverDue();
        assertThat(deliveryTo("a").nextAttemptAt()).contains(T0.plusSeconds(5).plus(Duration.ofMinutes(5)));
        clock.set(T0.plusSeconds(5).plus(Duration.ofMinutes(5)));
        dispatcher.deliverDue();

        assertThat(sent).filteredOn(s -> s.startsWith("a:")).containsExactly("a:" + event.id(), "a:" + event.id(),
                "a:" + event.id());
        assertThat(deliveryTo("a").status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(deliveryTo("a").attempts()).isEqualTo(3);
        assertThat(counted).containsEntry(DeliveryOutcomes.Outcome.RETRIED, 2)
                .containsEntry(DeliveryOutcomes.Outcome.FAILED, 1);
    }

    @Test
    void finishedEventsAreKeptForTheirTimeThenDeletedABatchAtATime() {
        event();
        event();
        event();
        dispatcher.deliverDue();
        dispatcher.deliverDue(); // two in flight per endpoint at a time

        clock.set(T0.plus(Duration.ofDays(7)));
        assertThat(dispatcher.deleteFinished(2)).isZero();
        clock.set(T0.plus(Duration.ofDays(7)).plusSeconds(1));
        assertThat(dispatcher.deleteFinished(2)).isEqualTo(2);
        assertThat(dispatcher.deleteFinished(2)).isEqualTo(1);
        assertThat(dispatcher.list(null, null, null, 10).deliveries()).isEmpty();
    }

    @Test
    void thePausesVaryByTheJitterEitherWay() {
        random = 0.0;
        assertThat(dispatcher.pauseBefore(2)).isEqualTo(Duration.ofSeconds(4));
        random = 0.999_999;
        assertThat(dispatcher.pauseBefore(3)).isBetween(Duration.ofSeconds(359), Duration.ofSeconds(360));
    }

    @Test
    void anOperatorRedeliversAFailedDeliveryAndItIsSentAgainWithItsId() {
        GatewayEvent event = event();
        takes.put("a", false);
        dispatcher.deliverDue();
        clock.set(T0.plus(Duration.ofHours(1)));
        dispatcher.deliverDue();
        dispatcher.deliverDue();
        clock.set(T0.plus(Duration.ofHours(2)));
        dispatcher.deliverDue();
        assertThat(dispatcher.list("failed", null, null, 10).deliveries()).singleElement().extracting(WebhookDeliveryView::attempts).isEqualTo(3);
        takes.put("a", true);

        WebhookDeliveryView again = dispatcher.redeliver(deliveryTo("a").id());
        assertThat(again.status()).isEqualTo("pending");
        dispatcher.deliverDue();

        assertThat(dispatcher.list("failed", null, null, 10).deliveries()).isEmpty();
        assertThat(dispatcher.list("delivered", null, null, 10).deliveries()).hasSize(2).allMatch(view -> view.eventId().equals(event.id()));
    }

    @Test
    void whenAReceiverIsBackAnOperatorSendsNowAllThatWaitsForIt_TheGivenUpAndTheLaterRetries() {
        takes.put("a", false);
        GatewayEvent givenUp = event();
        dispatcher.deliverDue();
        clock.set(T0.plusSeconds(5));
        dispatcher.deliverDue();
        clock.set(T0.plusSeconds(5).plus(Duration.ofMinutes(5)));
        dispatcher.deliverDue();
        GatewayEvent retriedLater = event();
        dispatcher.deliverDue();
        assertThat(dispatcher.list("failed", "a", null, 10).deliveries()).extracting(WebhookDeliveryView::eventId).containsExactly(givenUp.id());
        assertThat(dispatcher.list("pending", "a", null, 10).deliveries()).singleElement().satisfies(view -> {
            assertThat(view.eventId()).isEqualTo(retriedLater.id());
            assertThat(view.nextAttemptAt()).contains(clock.instant().plusSeconds(5));
        });
        takes.put("a", true);

        assertThat(dispatcher.redeliverWaiting(null, "a")).isEqualTo(2);
        dispatcher.deliverDue();

        assertThat(dispatcher.list("delivered", "a", null, 10).deliveries()).extracting(WebhookDeliveryView::eventId)
                .containsExactlyInAnyOrder(givenUp.id(), retriedLater.id());
        assertThat(dispatcher.list(null, "b", null, 10).deliveries()).hasSize(2).allMatch(view -> view.status().equals("delivered"));
        assertThat(dispatcher.redeliverWaiting(null, null)).as("nothing waits any more").isZero();
    }

    @Test
    void sendingNowWhatWaitsTakesFailedOrPendingForAConfiguredEndpoint_NeverTheDelivered() {
        assertThatThrownBy(() -> dispatcher.redeliverWaiting("delivered", null)).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).errors()).singleElement()
                        .satisfies(error -> assertThat(error.field()).isEqualTo("status")));
        assertThatThrownBy(() -> dispatcher.redeliverWaiting("lost", null)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> dispatcher.redeliverWaiting(null, "c")).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).errors()).singleElement()
                        .satisfies(error -> assertThat(error.message()).isEqualTo("is not a configured endpoint")));
        assertThatThrownBy(() -> dispatcher.list(null, "Not A Name", null, 10).deliveries()).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).errors()).singleElement()
                        .satisfies(error -> assertThat(error.message()).doesNotContain("Not A Name")));
        assertThat(dispatcher.redeliverWaiting("failed", "b")).isZero();
    }

    @Test
    void theOperatorPagesThroughTheListWithTheCursorOfEachPage_UntilAPageHasNone() {
        List<UUID> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(0, event().id());
            clock.set(clock.instant().plusSeconds(1));
        }

        WebhookDeliveriesPage first = dispatcher.list(null, "a", null, 2);
        WebhookDeliveriesPage second = dispatcher.list(null, "a", first.nextCursor().orElseThrow(), 2);
        WebhookDeliveriesPage last = dispatcher.list(null, "a", second.nextCursor().orElseThrow(), 2);

        assertThat(first.deliveries()).extracting(WebhookDeliveryView::eventId).containsExactlyElementsOf(events.subList(0, 2));
        assertThat(second.deliveries()).extracting(WebhookDeliveryView::eventId).containsExactlyElementsOf(events.subList(2, 4));
        assertThat(last.deliveries()).extracting(WebhookDeliveryView::eventId).containsExactly(events.get(4));
        assertThat(last.nextCursor()).isEmpty();
        assertThat(dispatcher.list(null, "a", null, 5).nextCursor()).as("exactly one page").isEmpty();
    }

    @Test
    void aCursorPagesOnlyTheListItWasIssuedFor() {
        for (int i = 0; i < 3; i++) {
            event();
        }
        String cursorOfA = dispatcher.list(null, "a", null, 1).nextCursor().orElseThrow();

        for (String[] other : new String[][] {{null, "b"}, {"pending", "a"}, {null, null}}) {
            assertThatThrownBy(() -> dispatcher.list(other[0], other[1], cursorOfA, 1)).isInstanceOf(InvalidInput.class)
                    .satisfies(e -> assertThat(((InvalidInput) e).errors()).singleElement()
                            .satisfies(error -> assertThat(error.field()).isEqualTo("cursor")));
        }
        for (String forged : new String[] {"", "garbage", "ZDE6MDo6Ojo", "x".repeat(5_000), cursorOfA + "A"}) {
            assertThatThrownBy(() -> dispatcher.list(null, "a", forged, 1)).as(forged.length() > 40 ? "long" : forged)
                    .isInstanceOf(InvalidInput.class);
        }
        assertThat(dispatcher.list(null, "a", cursorOfA, 1).deliveries()).hasSize(1);
    }

    @Test
    void theListRefusesAnUnknownStatusOrLimitAndARedeliveryOfNothingIsNotFound() {
        assertThatThrownBy(() -> dispatcher.list("lost", null, null, 10).deliveries()).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> dispatcher.list(null, null, null, 0).deliveries()).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> dispatcher.list(null, null, null, 501).deliveries()).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> dispatcher.redeliver(UUID.randomUUID())).isInstanceOf(NotFound.class);
    }

    @Test
    void anEndpointThatHangsHoldsOnlyItsOwnDeliveries() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        WebhookSender hangingA = sender((endpoint, event, at) -> {
            if (endpoint.equals("a")) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return sender.send(endpoint, event, at);
        });
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            WebhookDispatchService concurrent = dispatcher(hangingA, pool);
            for (int i = 0; i < 5; i++) {
                event();
            }

            assertThat(concurrent.deliverDue()).as("a: 2 in flight at most; b: 2").isEqualTo(4);
            awaitDelivered("b", 2);
            assertThat(concurrent.deliverDue()).as("a is full; b takes 2 more").isEqualTo(2);
            awaitDelivered("b", 4);
            assertThat(concurrent.deliverDue()).as("a still full; b's last").isEqualTo(1);
            awaitDelivered("b", 5);
            assertThat(outbox.deliveries(DeliveryFilter.of(DeliveryStatus.DELIVERED), Optional.empty(), 100))
                    .noneMatch(d -> d.endpoint().equals("a"));

            release.countDown();
            awaitDelivered("a", 2);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private void awaitDelivered(String endpoint, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (outbox.deliveries(DeliveryFilter.of(DeliveryStatus.DELIVERED), Optional.empty(), 100).stream()
                .filter(d -> d.endpoint().equals(endpoint)).count() < count) {
            assertThat(System.nanoTime()).as("delivered in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
