package io.consentgateway.application.port.out;

/** Where a webhook delivery stands: waiting for its (next) attempt, taken by its endpoint, or given up. */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED
}
