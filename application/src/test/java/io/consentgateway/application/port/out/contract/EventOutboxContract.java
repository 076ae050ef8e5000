package io.consentgateway.application.port.out.contract;

import io.consentgateway.application.port.out.DeliveryFilter;
import io.consentgateway.application.port.out.DeliveryPosition;
import io.consentgateway.application.port.out.DeliveryStatus;
import io.consentgateway.application.port.out.EventOutbox;
import io.consentgateway.application.port.out.EventType;
import io.consentgateway.application.port.out.GatewayEvent;
import io.consentgateway.application.port.out.WebhookDelivery;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.consentgateway.application.port.out.contract.PortFixtures.ALICE;
import static io.consentgateway.application.port.out.contract.PortFixtures.BOB;
import static io.consentgateway.application.port.out.contract.PortFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link EventOutbox} does: the in-memory reference, H2 and PostgreSQL run the same tests. */
public abstract class EventOutboxContract {
    static final Instant LEASE = T0.plus(Duration.ofMinutes(2));

    protected abstract EventOutbox outbox();

    static GatewayEvent event(UserId user, Instant at) {
        return new GatewayEvent(UUID.randomUUID(), EventType.CONSENT_REAUTH_REQUIRED, at, user, new ProviderId("nrich"),
                Optional.of(ConsentId.random()), Optional.of(new FlowId(UUID.randomUUID())), "REAUTH_REQUIRED",
                Optional.of("REFRESH_REJECTED"));
    }

    private WebhookDelivery only(String endpoint) {
        return outbox().deliveries(DeliveryFilter.ALL, Optional.empty(), 100).stream().filter(d -> d.endpoint().equals(endpoint))
                .findFirst().orElseThrow();
    }

    @Test
    void anEventIsDueAtOnceForEachEndpointAndReadsBackAsRecorded() {
        GatewayEvent event = event(ALICE, T0);
        outbox().record(event, List.of("a", "b"));

        List<WebhookDelivery> toA = outbox().claimDue("a", T0, 10, LEASE);

        assertThat(toA).singleElement().satisfies(d -> {
            assertThat(d.event()).isEqualTo(event);
            assertThat(d.endpoint()).isEqualTo("a");
            assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(d.attempts()).isZero();
        });
        assertThat(outbox().claimDue("b", T0, 10, LEASE)).singleElement()
                .satisfies(d -> assertThat(d.event().id()).isEqualTo(event.id()));
        assertThat(outbox().claimDue("c", T0, 10, LEASE)).isEmpty();
    }

    @Test
    void noEndpointMeansNoDelivery() {
        outbox().record(event(ALICE, T0), List.of());

        assertThat(outbox().deliveries(DeliveryFilter.ALL, Optional.empty(), 10)).isEmpty();
    }

    @Test
    void aClaimIsHeldUntilItsLeaseEndsAndComesInDueOrderWithinTheLimit() {
        GatewayEvent first = event(ALICE, T0);
        GatewayEvent second = event(ALICE, T0.plusSeconds(1));
        GatewayEvent third = event(ALICE, T0.plusSeconds(2));
        outbox().record(third, List.of("a"));
        outbox().record(first, List.of("a"));
        outbox().record(second, List.of("a"));

        List<WebhookDelivery> claimed = outbox().claimDue("a", T0.plusSeconds(5), 2, LEASE);
        assertThat(claimed).extracting(d -> d.event().id()).containsExactly(first.id(), second.id());
        assertThat(outbox().claimDue("a", T0.plusSeconds(5), 10, LEASE)).extracting(d -> d.event().id())
                .containsExactly(third.id());
        assertThat(outbox().claimDue("a", LEASE, 10, LEASE.plusSeconds(60))).as("leases end at their instant, not before")
                .isEmpty();
        assertThat(outbox().claimDue("a", LEASE.plusMillis(1), 10, LEASE.plusSeconds(60))).hasSize(3);
    }

    @Test
    void aRetryIsDueAtItsTimeWithItsAttemptsAndError_AndTheEndsAreFinal() {
        outbox().record(event(ALICE, T0), List.of("a", "b", "c"));
        UUID toA = outbox().claimDue("a", T0, 1, LEASE).get(0).id();
        UUID toB = outbox().claimDue("b", T0, 1, LEASE).get(0).id();
        UUID toC = outbox().claimDue("c", T0, 1, LEASE).get(0).id();

        outbox().retryAt(toA, 1, "HTTP 500", T0.plusSeconds(1), T0.plusSeconds(6));
        outbox().delivered(toB, 1, T0.plusSeconds(1));
        outbox().failed(toC, 8, "timed out after 10 s", T0.plusSeconds(1));

        assertThat(outbox().claimDue("a", T0.plusSeconds(5), 10, LEASE)).isEmpty();
        assertThat(outbox().claimDue("a", T0.plusSeconds(6), 10, LEASE)).singleElement().satisfies(d -> {
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.lastError()).contains("HTTP 500");
            assertThat(d.lastAttemptAt()).contains(T0.plusSeconds(1));
        });
        assertThat(only("b").status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(only("b").deliveredAt()).contains(T0.plusSeconds(1));
        assertThat(only("c").status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(only("c").attempts()).isEqualTo(8);
        assertThat(outbox().claimDue("b", T0.plus(Duration.ofDays(1)), 10, T0.plus(Duration.ofDays(2)))).isEmpty();
        assertThat(outbox().claimDue("c", T0.plus(Duration.ofDays(1)), 10, T0.plus(Duration.ofDays(2)))).isEmpty();
        assertThat(outbox().deliveries(DeliveryFilter.of(DeliveryStatus.FAILED), Optional.empty(), 10)).extracting(WebhookDelivery::id)
                .containsExactly(toC);
    }

    @Test
    void aRedeliveryMakesAnyDeliveryDueAgainWithItsAttemptsKept() {
        outbox().record(event(ALICE, T0), List.of("a"));
        UUID id = outbox().claimDue("a", T0, 1, LEASE).get(0).id();
        outbox().failed(id, 8, "HTTP 500", T0);

        assertThat(outbox().redeliver(id, T0.plusSeconds(60))).isTrue();
        assertThat(outbox().redeliver(UUID.randomUUID(), T0)).isFalse();

        assertThat(outbox().claimDue("a", T0.plusSeconds(60), 10, LEASE)).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(d.attempts()).isEqualTo(8);
        });
        assertThat(outbox().delivery(id)).isPresent();
        assertThat(outbox().delivery(UUID.randomUUID())).isEmpty();
    }

    @Test
    void theOperatorsListIsFilteredByStatusAndEndpoint_NewestEventFirst() {
        GatewayEvent older = event(ALICE, T0);
        GatewayEvent newer = event(BOB, T0.plusSeconds(1));
        outbox().record(older, List.of("a", "b"));
        outbox().record(newer, List.of("a", "b"));
        UUID olderToB = outbox().claimDue("b", T0, 1, LEASE).get(0).id();
        outbox().failed(olderToB, 8, "HTTP 500", T0.plusSeconds(2));

        assertThat(outbox().deliveries(DeliveryFilter.ALL.to("a"), Optional.empty(), 10)).extracting(d -> d.event().id())
                .containsExactly(newer.id(), older.id());
        assertThat(outbox().deliveries(DeliveryFilter.of(DeliveryStatus.PENDING).to("b"), Optional.empty(), 10)).extracting(d -> d.event().id())
                .containsExactly(newer.id());
        assertThat(outbox().deliveries(DeliveryFilter.of(DeliveryStatus.FAILED).to("b"), Optional.empty(), 10)).extracting(WebhookDelivery::id)
                .containsExactly(olderToB);
        assertThat(outbox().deliveries(DeliveryFilter.of(DeliveryStatus.FAILED).to("a"), Optional.empty(), 10)).isEmpty();
        assertThat(outbox().deliveries(DeliveryFilter.ALL.to("c"), Optional.empty(), 10)).isEmpty();
        assertThat(outbox().deliveries(DeliveryFilter.ALL, Optional.empty(), 3)).hasSize(3);
    }

    @Test
    void theListIsPagedAfterAPlace_EveryDeliveryOnceEvenAmongEventsOfTheSameMoment() {
        for (int i = 0; i < 4; i++) {
            outbox().record(event(ALICE, T0), List.of("a", "b"));
        }
        outbox().record(event(BOB, T0.plusSeconds(1)), List.of("a"));
        outbox().record(event(BOB, T0.minusSeconds(1)), List.of("b"));
        List<WebhookDelivery> whole = outbox().deliveries(DeliveryFilter.ALL, Optional.empty(), 100);

        List<WebhookDelivery> paged = new ArrayList<>();
        Optional<DeliveryPosition> after = Optional.empty();
        for (int page = 0; page < 10; page++) {
            List<WebhookDelivery> next = outbox().deliveries(DeliveryFilter.ALL, after, 3);
            paged.addAll(next);
            if (next.size() < 3) {
                break;
            }
            after = Optional.of(DeliveryPosition.of(next.get(next.size() - 1)));
        }

        assertThat(whole).hasSize(10).isSortedAccordingTo(DeliveryPosition.LIST_ORDER);
        assertThat(whole.get(0).event().occurredAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(whole.get(9).event().occurredAt()).isEqualTo(T0.minusSeconds(1));
        assertThat(paged).extracting(WebhookDelivery::id).containsExactlyElementsOf(whole.stream().map(WebhookDelivery::id).toList());
        assertThat(outbox().deliveries(DeliveryFilter.ALL.to("b"), Optional.of(DeliveryPosition.of(whole.get(4))), 100))
                .extracting(WebhookDelivery::id).containsExactlyElementsOf(whole.subList(5, 10).stream()
                        .filter(d -> d.endpoint().equals("b")).map(WebhookDelivery::id).toList());
    }

    @Test
    void redeliveringWhatWaitsMakesTheGivenUpAndTheLaterRetriesDue_NeverTheTakenTheDueOrTheHeld() {
        for (int i = 0; i < 5; i++) {
            outbox().record(event(ALICE, T0.plusMillis(i)), List.of("a"));
        }
        outbox().record(event(BOB, T0), List.of("b"));
        List<WebhookDelivery> claimed = outbox().claimDue("a", T0.plusSeconds(1), 4, LEASE);
        UUID givenUp = claimed.get(0).id();
        UUID retryLater = claimed.get(1).id();
        UUID taken = claimed.get(2).id();
        UUID held = claimed.get(3).id();
        UUID dueAlready = outbox().deliveries(DeliveryFilter.ALL.to("a"), Optional.empty(), 10).stream().map(WebhookDelivery::id)
                .filter(id -> !claimed.stream().map(WebhookDelivery::id).toList().contains(id)).findFirst().orElseThrow();
        Instant now = T0.plusSeconds(60);
        outbox().failed(givenUp, 8, "HTTP 500", T0.plusSeconds(1));
        outbox().retryAt(retryLater, 3, "HTTP 503", T0.plusSeconds(1), T0.plus(Duration.ofHours(2)));
        outbox().delivered(taken, 1, T0.plusSeconds(1));

        assertThat(outbox().redeliverWaiting(DeliveryFilter.ALL.to("a"), now)).isEqualTo(2);

        assertThat(outbox().claimDue("a", now, 10, now.plus(Duration.ofMinutes(2)))).extracting(WebhookDelivery::id)
                .containsExactlyInAnyOrder(givenUp, retryLater, dueAlready);
        assertThat(outbox().delivery(givenUp).orElseThrow().attempts()).isEqualTo(8);
        assertThat(outbox().delivery(retryLater).orElseThrow().attempts()).isEqualTo(3);
        assertThat(outbox().delivery(taken).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(outbox().delivery(held).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(outbox().claimDue("b", now, 10, LEASE)).as("another endpoint's, due already").hasSize(1);
    }

    @Test
    void redeliveringWhatWaitsKeepsToTheFilter() {
        outbox().record(event(ALICE, T0), List.of("a", "b"));
        outbox().record(event(BOB, T0), List.of("a"));
        List<WebhookDelivery> toA = outbox().claimDue("a", T0, 2, LEASE);
        UUID toB = outbox().claimDue("b", T0, 1, LEASE).get(0).id();
        outbox().failed(toA.get(0).id(), 8, "HTTP 500", T0);
        outbox().retryAt(toA.get(1).id(), 2, "HTTP 500", T0, T0.plus(Duration.ofHours(1)));
        outbox().failed(toB, 8, "HTTP 500", T0);
        Instant now = T0.plusSeconds(60);

        assertThat(outbox().redeliverWaiting(DeliveryFilter.of(DeliveryStatus.DELIVERED), now)).isZero();
        assertThat(outbox().redeliverWaiting(DeliveryFilter.of(DeliveryStatus.FAILED).to("a"), now)).isEqualTo(1);
        assertThat(outbox().delivery(toB).orElseThrow().status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(outbox().delivery(toA.get(1).id()).orElseThrow().nextAttemptAt()).contains(T0.plus(Duration.ofHours(1)));
        assertThat(outbox().redeliverWaiting(DeliveryFilter.ALL, now)).isEqualTo(2);
        assertThat(outbox().deliveries(DeliveryFilter.of(DeliveryStatus.FAILED), Optional.empty(), 10)).isEmpty();
    }

    @Test
    void theErasureOfAUserDeletesItsEventsOnly() {
        outbox().record(event(ALICE, T0), List.of("a", "b"));
        outbox().record(event(ALICE, T0), List.of("a"));
        GatewayEvent bobs = event(BOB, T0);
        outbox().record(bobs, List.of("a"));

        assertThat(outbox().deleteByUser(ALICE)).isEqualTo(2);
        assertThat(outbox().deleteByUser(ALICE)).isZero();

        assertThat(outbox().deliveries(DeliveryFilter.ALL, Optional.empty(), 10)).extracting(d -> d.event().id()).containsExactly(bobs.id());
    }

    @Test
    void finishedEventsAreDeletedAfterTheirTimeAndPendingOnesNever() {
        GatewayEvent finished = event(ALICE, T0);
        GatewayEvent halfDone = event(ALICE, T0);
        outbox().record(finished, List.of("a"));
        outbox().record(halfDone, List.of("a", "b"));
        for (WebhookDelivery d : outbox().claimDue("a", T0, 10, LEASE)) {
            outbox().delivered(d.id(), 1, T0.plusSeconds(1));
        }

        assertThat(outbox().deleteFinishedBefore(T0.plusSeconds(1), 10)).as("finished at, not before").isZero();
        assertThat(outbox().deleteFinishedBefore(T0.plusSeconds(2), 10)).isEqualTo(1);

        assertThat(outbox().deliveries(DeliveryFilter.ALL, Optional.empty(), 10)).allMatch(d -> d.event().id().equals(halfDone.id()));
    }

    @Test
    void finishedEventsAreDeletedOldestFirstABatchAtATime() {
        List<GatewayEvent> newestFirst = List.of(event(ALICE, T0.plusMillis(4)), event(BOB, T0.plusMillis(3)),
                event(ALICE, T0.plusMillis(2)), event(BOB, T0.plusMillis(1)), event(ALICE, T0));
        newestFirst.forEach(e -> outbox().record(e, List.of("a")));
        for (WebhookDelivery d : outbox().claimDue("a", T0.plusSeconds(1), 10, LEASE)) {
            outbox().delivered(d.id(), 1, T0.plusSeconds(1));
        }
        Instant before = T0.plusSeconds(2);

        assertThat(outbox().deleteFinishedBefore(before, 0)).isZero();
        assertThat(outbox().deleteFinishedBefore(before, 2)).isEqualTo(2);
        assertThat(eventIds()).as("the two oldest went first")
                .containsExactly(newestFirst.get(0).id(), newestFirst.get(1).id(), newestFirst.get(2).id());
        assertThat(outbox().deleteFinishedBefore(before, 2)).isEqualTo(2);
        assertThat(outbox().deleteFinishedBefore(before, 2)).isEqualTo(1);
        assertThat(outbox().deleteFinishedBefore(before, 2)).isZero();
        assertThat(eventIds()).isEmpty();
    }

    @Test
    void aFinishedEventSentAgainIsKeptUntilItFinishesAgain() {
        GatewayEvent event = event(ALICE, T0);
        outbox().record(event, List.of("a"));
        UUID delivery = outbox().claimDue("a", T0, 10, LEASE).get(0).id();
        outbox().delivered(delivery, 1, T0.plusSeconds(1));
        Instant muchLater = T0.plus(Duration.ofDays(30));

        assertThat(outbox().redeliver(delivery, muchLater)).isTrue();
        assertThat(outbox().deleteFinishedBefore(muchLater, 10)).as("pending again").isZero();
        outbox().delivered(outbox().claimDue("a", muchLater, 10, LEASE.plus(Duration.ofDays(30))).get(0).id(), 2,
                muchLater.plusSeconds(1));
        assertThat(outbox().deleteFinishedBefore(muchLater.plusSeconds(1), 10)).as("attempted at, not before").isZero();
        assertThat(outbox().deleteFinishedBefore(muchLater.plusSeconds(2), 10)).isEqualTo(1);
        assertThat(eventIds()).isEmpty();
    }

    /** The stored events' ids, newest first, once each. */
    private List<UUID> eventIds() {
        return outbox().deliveries(DeliveryFilter.ALL, Optional.empty(), 100).stream().map(d -> d.event().id())
                .distinct().toList();
    }

    @Test
    void concurrentClaimersNeverReceiveTheSameDelivery() throws Exception {
        for (int i = 0; i < 40; i++) {
            outbox().record(event(ALICE, T0.plusMillis(i)), List.of("a"));
        }
        List<CompletableFuture<List<UUID>>> claimers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            claimers.add(CompletableFuture.supplyAsync(() -> {
                // Until a claim finds nothing free: what another claimer holds, it leases.
                List<UUID> mine = new ArrayList<>();
                for (List<WebhookDelivery> batch = outbox().claimDue("a", T0.plusSeconds(1), 3, LEASE); !batch.isEmpty();
                     batch = outbox().claimDue("a", T0.plusSeconds(1), 3, LEASE)) {
                    batch.forEach(d -> mine.add(d.id()));
                }
                return mine;
            }));
        }
        List<UUID> all = Collections.synchronizedList(new ArrayList<>());
        for (CompletableFuture<List<UUID>> claimer : claimers) {
            all.addAll(claimer.get(30, TimeUnit.SECONDS));
        }

        assertThat(all).hasSize(40).doesNotHaveDuplicates();
    }
}
