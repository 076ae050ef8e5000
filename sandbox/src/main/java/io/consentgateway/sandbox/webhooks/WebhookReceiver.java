package io.consentgateway.sandbox.webhooks;

import io.consentgateway.sandbox.core.SandboxClock;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A webhook receiver: what a customer's endpoint gets from the gateway, kept in memory for tests to read.
 * <p>
 * Deliveries are kept oldest first, in the order they were recorded. Memory is bounded: beyond
 * {@link #MAX_DELIVERIES} deliveries, or {@link #MAX_STORED_BODY_CHARS} characters of bodies in all, the oldest are
 * dropped (the newest is always kept). Counters: {@code received}, the deliveries recorded (dropped ones included);
 * {@code refused}, the POSTs answered without recording anything (an injected failure or redirect, a body too large
 * or not text). Thread-safe: one lock for the deliveries and the counters, so a snapshot is consistent.
 */
public final class WebhookReceiver {

    /** The largest body taken, in bytes; a larger one is refused (413). */
    public static final int MAX_BODY_BYTES = 256 * 1024;
    /** How many deliveries are kept. */
    public static final int MAX_DELIVERIES = 10_000;
    /** How many characters of bodies are kept in all (256 bodies of the largest size). */
    public static final long MAX_STORED_BODY_CHARS = 64L * 1024 * 1024;

    private final SandboxClock clock;
    private final int maxDeliveries;
    private final long maxStoredBodyChars;
    private final Deque<ReceivedWebhook> deliveries = new ArrayDeque<>();
    private long storedBodyChars;
    private long received;
    private long refused;

    public WebhookReceiver(SandboxClock clock) {
        this(clock, MAX_DELIVERIES, MAX_STORED_BODY_CHARS);
    }

    /** With other bounds, for tests of dropping. */
    public WebhookReceiver(SandboxClock clock, int maxDeliveries, long maxStoredBodyChars) {
        if (maxDeliveries < 1 || maxStoredBodyChars < 1) {
            throw new IllegalArgumentException("the bounds must be positive");
        }
        this.clock = clock;
        this.maxDeliveries = maxDeliveries;
        this.maxStoredBodyChars = maxStoredBodyChars;
    }

    /** The counters and how many deliveries are kept, read together. */
    public record Counts(long received, long refused, int stored) {
    }

    /** Records a delivery, stamped with the sandbox's clock; drops the oldest beyond the bounds. */
    public synchronized ReceivedWebhook record(Map<String, String> headers, String rawBody) {
        ReceivedWebhook delivery = new ReceivedWebhook(clock.instant(), headers, rawBody);
        deliveries.addLast(delivery);
        storedBodyChars += rawBody.length();
        received++;
        while (deliveries.size() > 1 && (deliveries.size() > maxDeliveries || storedBodyChars > maxStoredBodyChars)) {
            storedBodyChars -= deliveries.removeFirst().rawBody().length();
        }
        return delivery;
    }

    /** Counts a POST answered without recording it. */
    public synchronized void refuse() {
        refused++;
    }

    /** The deliveries kept, oldest first. */
    public synchronized List<ReceivedWebhook> deliveries() {
        return List.copyOf(deliveries);
    }

    /**
     * The deliveries kept, oldest first, that pass the filters (null: none; see
     * {@link ReceivedWebhook#matches(JsonValue, String, String)}), as JSON. Each body is parsed once.
     */
    public List<JsonObject> toJson(String type, String userId) {
        List<JsonObject> result = new ArrayList<>();
        for (ReceivedWebhook delivery : deliveries()) {
            JsonValue body = delivery.body();
            if (ReceivedWebhook.matches(body, type, userId)) {
                result.add(delivery.toJson(body));
            }
        }
        return result;
    }

    public synchronized Counts counts() {
        return new Counts(received, refused, deliveries.size());
    }

    /** Forgets every delivery and zeroes the counters. */
    public synchronized void clear() {
        deliveries.clear();
        storedBodyChars = 0;
        received = 0;
        refused = 0;
    }
}
