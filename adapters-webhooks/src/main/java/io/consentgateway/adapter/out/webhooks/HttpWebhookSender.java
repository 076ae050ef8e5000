package io.consentgateway.adapter.out.webhooks;

import io.consentgateway.application.port.out.GatewayEvent;
import io.consentgateway.application.port.out.WebhookSender;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends an event as a Standard Webhooks 1.0 message: {@code POST} of {@link WebhookBody} with {@code webhook-id}
 * (the event's, the same on every attempt), {@code webhook-timestamp} (the attempt's, in seconds) and
 * {@code webhook-signature} (one {@code v1} signature per secret). Redirects are not followed, the receiver's body is
 * never read, and the connection and the whole answer have short time-outs, so a receiver that hangs costs an attempt
 * its time-out and nothing more.
 */
final class HttpWebhookSender implements WebhookSender {
    private final WebhookEndpoints endpoints;
    private final HttpClient client;
    private final Duration timeout;

    HttpWebhookSender(WebhookEndpoints endpoints, Duration connectTimeout, Duration timeout) {
        this.endpoints = endpoints;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
    }

    @Override
    public List<String> endpoints() {
        return endpoints.names();
    }

    @Override
    public Attempt send(String endpointName, GatewayEvent event, Instant at) {
        WebhookEndpoints.Endpoint endpoint = endpoints.named(endpointName).orElse(null);
        if (endpoint == null) {
            return Attempt.notTaken("no endpoint " + endpointName + " is configured now");
        }
        String body = WebhookBody.of(event);
        String id = WebhookBody.id(event);
        long timestamp = at.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(endpoint.url())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "consent-gateway-webhooks/1")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", StandardWebhookSignature.header(endpoint.keys(), id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return Attempt.taken(status);
            }
            return Attempt.notTaken("HTTP " + status + (status >= 300 && status < 400 ? " (redirects are not followed)" : ""));
        } catch (HttpTimeoutException timedOut) {
            return Attempt.notTaken("no answer within " + timeout.toMillis() + " ms");
        } catch (IOException failed) {
            return Attempt.notTaken("not reached: " + failed.getClass().getSimpleName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Attempt.notTaken("interrupted (the server is stopping)");
        }
    }
}
