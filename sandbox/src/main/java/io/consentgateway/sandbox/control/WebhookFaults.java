package io.consentgateway.sandbox.control;

import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * The webhook receiver's active fault: one at a time, a new one replaces the old. With {@code times}, each POST that
 * takes it counts down, and after the last one the receiver heals by itself. Thread-safe: of concurrent POSTs,
 * exactly {@code times} misbehave.
 */
public final class WebhookFaults {

    private WebhookFault fault;
    private int remaining;

    /** Sets the fault, replacing any other, with its full count. */
    public synchronized void set(WebhookFault rule) {
        fault = rule;
        remaining = rule.times() == null ? 0 : rule.times();
    }

    /** Takes the fault for one POST, if any: counts it down and heals after the last time. */
    public synchronized Optional<WebhookFault> next() {
        WebhookFault current = fault;
        if (current != null && current.times() != null && --remaining == 0) {
            fault = null;
        }
        return Optional.ofNullable(current);
    }

    public synchronized Optional<WebhookFault> current() {
        return Optional.ofNullable(fault);
    }

    public synchronized void clear() {
        fault = null;
        remaining = 0;
    }

    /** The fault with {@code "remaining"} when it has {@code times}; JSON null when there is none. */
    public synchronized JsonValue toJson() {
        if (fault == null) {
            return JsonValue.NULL;
        }
        return fault.times() == null ? fault.toJson().build() : fault.toJson().add("remaining", remaining).build();
    }
}
