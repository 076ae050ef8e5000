package io.consentgateway.application.service;

import io.consentgateway.application.port.in.DeliverWebhooks;
import io.consentgateway.application.port.in.InvalidInput;
import io.consentgateway.application.port.in.ManageWebhookDeliveries;
import io.consentgateway.application.port.in.NotFound;
import io.consentgateway.application.port.in.WebhookDeliveriesPage;
import io.consentgateway.application.port.in.WebhookDeliveryView;
import io.consentgateway.application.port.out.DeliveryOutcomes;
import io.consentgateway.application.port.out.DeliveryFilter;
import io.consentgateway.application.port.out.DeliveryPosition;
import io.consentgateway.application.port.out.DeliveryStatus;
import io.consentgateway.application.port.out.EventOutbox;
import io.consentgateway.application.port.out.WebhookDelivery;
import io.consentgateway.application.port.out.WebhookSender;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;

/**
 * Delivers the outbox's events, at least once. Each tick claims, per endpoint, as many due deliveries as the endpoint
 * has room for ({@link WebhookSettings#inFlight()}) and hands each to the executor; the tick never waits for an
 * answer, so an endpoint that hangs holds only its own deliveries, never the dispatcher or another endpoint. An attempt
 * that is not taken is due again after the next pause of the retry schedule, varied by the jitter; after the last one
 * the delivery is given up ({@code FAILED}) and waits for an operator's redelivery. A node that dies with claimed
 * deliveries loses nothing: their lease ends and any node sends them (again, with the same event id).
 */
public final class WebhookDispatchService implements DeliverWebhooks, ManageWebhookDeliveries {
    private static final int MOST_LISTED = 500;
    private static final Pattern ENDPOINT_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final EventOutbox outbox;
    private final WebhookSender sender;
    private final WebhookSettings settings;
    private final Executor executor;
    private final DeliveryOutcomes outcomes;
    private final DoubleSupplier random;
    private final Clock clock;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    /**
     * @param executor runs the attempts (a managed executor in the server)
     * @param random   uniform in [0, 1), for the jitter
     */
    public WebhookDispatchService(EventOutbox outbox, WebhookSender sender, WebhookSettings settings, Executor executor,
                                  DeliveryOutcomes outcomes, DoubleSupplier random, Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.settings = settings;
        this.executor = executor;
        this.outcomes = outcomes;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public int deliverDue() {
        int sent = 0;
        for (String endpoint : settings.endpoints()) {
            AtomicInteger busy = inFlight.computeIfAbsent(endpoint, name -> new AtomicInteger());
            int room = settings.inFlight() - busy.get();
            if (room <= 0) {
                continue;
            }
            Instant now = clock.instant();
            for (WebhookDelivery delivery : outbox.claimDue(endpoint, now, room, now.plus(settings.lease()))) {
                busy.incrementAndGet();
                try {
                    executor.execute(() -> attempt(delivery, busy));
                    sent++;
                } catch (RejectedExecutionException full) {
                    busy.decrementAndGet(); // its lease ends and a later tick sends it
                }
            }
        }
        return sent;
    }

    @Override
    public int deleteFinished(int limit) {
        return outbox.deleteFinishedBefore(clock.instant().minus(settings.keepFinished()), limit);
    }

    private void attempt(WebhookDelivery delivery, AtomicInteger busy) {
        try {
            WebhookSender.Attempt attempt = sender.send(delivery.endpoint(), delivery.event(), clock.instant());
            int attempts = delivery.attempts() + 1;
            Instant at = clock.instant();
            if (attempt.taken()) {
                outbox.delivered(delivery.id(), attempts, at);
                outcomes.count(delivery.endpoint(), DeliveryOutcomes.Outcome.SENT);
            } else if (attempts >= settings.maxAttempts()) {
                outbox.failed(delivery.id(), attempts, attempt.detail(), at);
                outcomes.count(delivery.endpoint(), DeliveryOutcomes.Outcome.FAILED);
            } else {
                outbox.retryAt(delivery.id(), attempts, attempt.detail(), at, at.plus(pauseBefore(attempts + 1)));
                outcomes.count(delivery.endpoint(), DeliveryOutcomes.Outcome.RETRIED);
            }
        } catch (RuntimeException storageFailed) {
            // Not recorded: the lease ends and the delivery is sent again, with the same event id (at least once).
        } finally {
            busy.decrementAndGet();
        }
    }

    /** The pause before attempt {@code n} (2 = the first retry): the schedule's, varied by the jitter either way. */
    Duration pauseBefore(int n) {
        List<Duration> schedule = settings.retrySchedule();
        Duration base = schedule.get(Math.min(n - 2, schedule.size() - 1));
        double factor = 1 + settings.jitter() * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(base.toMillis() * factor)));
    }

    @Override
    public WebhookDeliveriesPage list(String statusOrNull, String endpointOrNull, String cursorOrNull, int limit) {
        Optional<DeliveryStatus> status = Optional.ofNullable(statusOrNull).map(WebhookDispatchService::status);
        Optional<String> endpoint = Optional.ofNullable(endpointOrNull).map(WebhookDispatchService::endpointName);
        DeliveryFilter filter = new DeliveryFilter(status, endpoint);
        Optional<DeliveryPosition> after = Optional.ofNullable(cursorOrNull)
                .map(cursor -> DeliveryCursor.decode(cursor, filter).position());
        if (limit < 1 || limit > MOST_LISTED) {
            throw InvalidInput.of("limit", "must be a whole number from 1 to " + MOST_LISTED);
        }
        List<WebhookDelivery> found = outbox.deliveries(filter, after, limit + 1);
        List<WebhookDelivery> page = found.subList(0, Math.min(limit, found.size()));
        Optional<String> next = found.size() > limit
                ? Optional.of(new DeliveryCursor(DeliveryPosition.of(page.get(limit - 1)), DeliveryCursor.hashOf(filter)).encode())
                : Optional.empty();
        return new WebhookDeliveriesPage(page.stream().map(WebhookDispatchService::view).toList(), next);
    }

    @Override
    public WebhookDeliveryView redeliver(UUID deliveryId) {
        if (!outbox.redeliver(deliveryId, clock.instant())) {
            throw new NotFound("webhook delivery");
        }
        return outbox.delivery(deliveryId).map(WebhookDispatchService::view).orElseThrow(() -> new NotFound("webhook delivery"));
    }

    @Override
    public int redeliverWaiting(String statusOrNull, String endpointOrNull) {
        Optional<DeliveryStatus> status = Optional.ofNullable(statusOrNull).map(WebhookDispatchService::status);
        if (status.isPresent() && status.get() == DeliveryStatus.DELIVERED) {
            throw InvalidInput.of("status", "must be failed or pending (a delivered one is sent again by its own "
                    + "redelivery)");
        }
        Optional<String> endpoint = Optional.ofNullable(endpointOrNull).map(WebhookDispatchService::endpointName);
        if (endpoint.isPresent() && !settings.endpoints().contains(endpoint.get())) {
            throw InvalidInput.of("endpoint", "is not a configured endpoint");
        }
        return outbox.redeliverWaiting(new DeliveryFilter(status, endpoint), clock.instant());
    }

    private static DeliveryStatus status(String name) {
        if (!STATUSES.contains(name)) {
            throw InvalidInput.of("status", "must be one of " + String.join(", ", STATUSES));
        }
        return DeliveryStatus.valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** An endpoint's name as configured: {@code a-z 0-9 -}, at most 64 (never echoed: the error names only the rule). */
    private static String endpointName(String name) {
        if (!ENDPOINT_NAME.matcher(name).matches()) {
            throw InvalidInput.of("endpoint", "must be an endpoint's name: a-z, 0-9 and -, at most 64, not starting with -");
        }
        return name;
    }

    private static WebhookDeliveryView view(WebhookDelivery d) {
        return new WebhookDeliveryView(d.id(), d.event().id(), d.event().type().wireName(), d.event().occurredAt(),
                d.endpoint(), d.status().name().toLowerCase(Locale.ROOT), d.attempts(), d.nextAttemptAt(),
                d.lastAttemptAt(), d.lastError(), d.deliveredAt(), d.event().userId().value(),
                d.event().consentId().map(id -> id.value()), d.event().flowId().map(id -> id.value()));
    }
}
