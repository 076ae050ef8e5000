package io.consentgateway.application.port.in;

import java.util.List;
import java.util.UUID;

/** Use case (an operator's): look at the webhook deliveries and send one again. */
public interface ManageWebhookDeliveries {
    /** The status filter accepted by {@link #list}: {@code pending}, {@code delivered}, {@code failed}. */
    List<String> STATUSES = List.of("pending", "delivered", "failed");

    /**
     * Deliveries, newest event first, of one status or all.
     *
     * @throws InvalidInput for a status that is not one of {@link #STATUSES} or a limit outside 1..500
     */
    List<WebhookDeliveryView> list(String statusOrNull, int limit);

    /**
     * Makes the delivery due now (one more attempt, whatever its status) and answers it.
     *
     * @throws NotFound if there is no such delivery
     */
    WebhookDeliveryView redeliver(UUID deliveryId);
}
