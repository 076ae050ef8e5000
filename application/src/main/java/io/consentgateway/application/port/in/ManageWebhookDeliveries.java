package io.consentgateway.application.port.in;

import java.util.List;
import java.util.UUID;

/** Use case (an operator's): look at the webhook deliveries, send one again, or send now all that wait. */
public interface ManageWebhookDeliveries {
    /** The status filter accepted by {@link #list}: {@code pending}, {@code delivered}, {@code failed}. */
    List<String> STATUSES = List.of("pending", "delivered", "failed");

    /**
     * A page of deliveries, newest event first: of one status or all, to one endpoint or all.
     *
     * @param statusOrNull   one of {@link #STATUSES}; null: any
     * @param endpointOrNull an endpoint's name; null: any
     * @param cursorOrNull   the previous page's {@code nextCursor}, issued for the same status and endpoint; null: the
     *                       first page
     * @throws InvalidInput for a status that is not one of {@link #STATUSES}, an endpoint name that cannot be one
     *                      ({@code a-z 0-9 -}), a cursor that is not one of this filter's, or a limit outside 1..500
     */
    WebhookDeliveriesPage list(String statusOrNull, String endpointOrNull, String cursorOrNull, int limit);

    /**
     * Makes the delivery due now (one more attempt, whatever its status) and answers it.
     *
     * @throws NotFound if there is no such delivery
     */
    WebhookDeliveryView redeliver(UUID deliveryId);

    /**
     * Sends now what waits: every failed delivery (one more attempt each) and every pending one whose next attempt is
     * later — of one of these two statuses or both, to one configured endpoint or all. For the moment a receiver is
     * back after an outage. A delivered one is sent again only by {@link #redeliver}, one at a time.
     *
     * @param statusOrNull   {@code failed} or {@code pending}; null: both
     * @param endpointOrNull a configured endpoint's name; null: every endpoint
     * @return how many deliveries were made due
     * @throws InvalidInput for another status, or an endpoint that is not configured
     */
    int redeliverWaiting(String statusOrNull, String endpointOrNull);
}
