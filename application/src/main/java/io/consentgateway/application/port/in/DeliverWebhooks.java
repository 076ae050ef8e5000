package io.consentgateway.application.port.in;

/**
 * Use case (the dispatcher's tick): sends the deliveries that are due, without waiting for their answers; a slow or
 * hanging endpoint holds only its own deliveries.
 */
public interface DeliverWebhooks {
    /** Claims the due deliveries of every endpoint with room and sends them off; answers how many. */
    int deliverDue();

    /**
     * Deletes up to {@code limit} of the events whose deliveries all ended longer ago than the settings keep them,
     * oldest first; answers how many. A caller that gets {@code limit} back calls again: more may be waiting.
     */
    int deleteFinished(int limit);
}
