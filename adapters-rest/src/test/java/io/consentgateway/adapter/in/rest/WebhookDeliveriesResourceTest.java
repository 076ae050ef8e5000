package io.consentgateway.adapter.in.rest;

import io.consentgateway.adapter.in.rest.dto.RedeliveryResponse;
import io.consentgateway.adapter.in.rest.dto.WebhookDeliveryResponse;
import io.consentgateway.application.port.in.InvalidInput;
import io.consentgateway.application.port.in.ManageWebhookDeliveries;
import io.consentgateway.application.port.in.NotFound;
import io.consentgateway.application.port.in.WebhookDeliveriesPage;
import io.consentgateway.application.port.in.WebhookDeliveryView;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The operator's resource on its own, the use case mocked: it hands the query to the in-port as given, maps the answer
 * field by field, and refuses what it cannot parse before the use case is asked.
 */
@ExtendWith(MockitoExtension.class)
class WebhookDeliveriesResourceTest {
    static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

    @Mock
    ManageWebhookDeliveries deliveries;
    @Mock
    UriInfo uri;

    static WebhookDeliveryView failedDelivery(UUID id) {
        return new WebhookDeliveryView(id, UUID.fromString("3f2b9d2e-8c1a-4f6e-9b7d-0a1b2c3d4e5f"), "consent.revoked", AT,
                "fintech", "failed", 8, Optional.empty(), Optional.of(AT.plusSeconds(99_000)), Optional.of("HTTP 503"),
                Optional.empty(), "anna", Optional.of(UUID.fromString("0f8e4b8e-2d2c-4f7e-a1d2-9b0c3e4f5a6b")),
                Optional.empty());
    }

    /** The operator asked for this URI. */
    UriInfo requested(String uri) {
        when(this.uri.getRequestUriBuilder()).thenAnswer(invocation -> UriBuilder.fromUri(uri));
        return this.uri;
    }

    @Test
    void theListIsTheUseCasesAnswerFieldByField_TheLastPageHasNoLink() {
        UUID id = UUID.randomUUID();
        when(deliveries.list("failed", "fintech", null, 20))
                .thenReturn(new WebhookDeliveriesPage(List.of(failedDelivery(id)), Optional.empty()));

        Response listed = new WebhookDeliveriesResource(deliveries).list("failed", "fintech", null, "20", uri);

        assertThat(listed.getStatus()).isEqualTo(200);
        assertThat(listed.getEntity()).isEqualTo(List.of(new WebhookDeliveryResponse(id.toString(),
                "3f2b9d2e-8c1a-4f6e-9b7d-0a1b2c3d4e5f", "consent.revoked", "2026-11-22T10:00:00Z", "fintech", "failed", 8, null,
                "2026-11-23T13:30:00Z", "HTTP 503", null, "anna", "0f8e4b8e-2d2c-4f7e-a1d2-9b0c3e4f5a6b", null)));
        assertThat(listed.getLinks()).isEmpty();
    }

    @Test
    void whenMoreFollowTheLinkHeaderNamesTheNextPage_TheSameQueryWithItsCursor() {
        when(deliveries.list("failed", null, "cHJldmlvdXM", 1))
                .thenReturn(new WebhookDeliveriesPage(List.of(failedDelivery(UUID.randomUUID())), Optional.of("bmV4dA")));

        Response listed = new WebhookDeliveriesResource(deliveries).list("failed", null, "cHJldmlvdXM", "1", requested(
                "https://gateway.example/api/v1/admin/webhooks/deliveries?status=failed&limit=1&cursor=cHJldmlvdXM"));

        assertThat(listed.getLink("next").getUri()).isEqualTo(URI.create(
                "https://gateway.example/api/v1/admin/webhooks/deliveries?status=failed&limit=1&cursor=bmV4dA"));
    }

    @Test
    void aLimitThatIsNoNumberIsRefusedBeforeTheUseCaseIsAsked() {
        WebhookDeliveriesResource resource = new WebhookDeliveriesResource(deliveries);

        assertThatThrownBy(() -> resource.list(null, null, null, "ten", uri)).isInstanceOfSatisfying(InvalidInput.class,
                invalid -> assertThat(invalid.errors()).extracting(error -> error.field()).containsExactly("limit"));
        verifyNoInteractions(deliveries);
    }

    @Test
    void aRedeliveryAnswersTheDeliveryDueAgain_AndAnIdThatIsNoUuidIsNotFoundWithoutAsking() {
        UUID id = UUID.randomUUID();
        when(deliveries.redeliver(id)).thenReturn(failedDelivery(id));
        WebhookDeliveriesResource resource = new WebhookDeliveriesResource(deliveries);

        assertThat(resource.redeliver(id.toString()).id()).isEqualTo(id.toString());
        assertThatThrownBy(() -> resource.redeliver("not-an-id")).isInstanceOf(NotFound.class);
    }

    @Test
    void sendingNowAllThatWaitsHandsOnTheFiltersAsGivenAndAnswersHowMany() {
        when(deliveries.redeliverWaiting("failed", "fintech")).thenReturn(42);
        when(deliveries.redeliverWaiting(null, null)).thenReturn(0);
        WebhookDeliveriesResource resource = new WebhookDeliveriesResource(deliveries);

        assertThat(resource.redeliverWaiting("failed", "fintech")).isEqualTo(new RedeliveryResponse(42));
        assertThat(resource.redeliverWaiting(null, null)).isEqualTo(new RedeliveryResponse(0));
    }
}
