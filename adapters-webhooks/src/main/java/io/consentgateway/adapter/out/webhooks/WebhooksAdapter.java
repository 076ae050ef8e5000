package io.consentgateway.adapter.out.webhooks;

import io.consentgateway.application.port.out.GatewayEvent;
import io.consentgateway.application.port.out.WebhookSender;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The webhook adapter as the server sees it: the {@link WebhookSender} CDI bean, configured from MicroProfile Config
 * when the gateway starts ({@link WebhookEndpoints} for the keys and their rules; {@code cg.webhooks.connect-timeout},
 * default PT2S, and {@code cg.webhooks.timeout}, default PT10S, for the attempt).
 */
@ApplicationScoped
public class WebhooksAdapter implements WebhookSender {
    private static final Logger LOG = Logger.getLogger(WebhooksAdapter.class.getName());
    /** The demo configuration's secret: public, so a delivery signed with it proves nothing. */
    static final String DEMO_SECRET = "whsec_ZGVtby1zZWNyZXQtZm9yLXRoZS1zYW5kYm94LW9ubHk=";

    @Inject
    Config config;

    private HttpWebhookSender sender;

    @PostConstruct
    void configure() {
        List<String> ownOrigins = new ArrayList<>();
        config.getOptionalValue("cg.public-base-url", String.class).ifPresent(base -> {
            try {
                ownOrigins.add(WebhookEndpoints.origin(URI.create(base.strip())));
            } catch (RuntimeException notAUrl) {
                // the gateway's own configuration check names this key
            }
        });
        config.getOptionalValue("http.port", String.class).ifPresent(port -> ownOrigins.add("http://localhost:" + port.strip()));
        config.getOptionalValue("https.port", String.class).ifPresent(port -> ownOrigins.add("https://localhost:" + port.strip()));
        WebhookEndpoints endpoints = WebhookEndpoints.from(key -> config.getOptionalValue(key, String.class), ownOrigins);
        sender = new HttpWebhookSender(endpoints, duration("cg.webhooks.connect-timeout", Duration.ofSeconds(2)),
                duration("cg.webhooks.timeout", Duration.ofSeconds(10)));
        for (String name : endpoints.names()) {
            boolean demo = config.getOptionalValue("cg.webhooks.endpoint." + name + ".secrets", String.class)
                    .map(secrets -> secrets.contains(DEMO_SECRET)).orElse(false);
            if (demo) {
                LOG.warning("Webhook endpoint " + name + " is signed with the public DEMO secret: a receiver cannot tell "
                        + "the gateway's deliveries from anyone's. Never use it in production: see docs/webhooks.md.");
            }
        }
        if (!endpoints.names().isEmpty()) {
            LOG.info(() -> "Webhooks go to " + endpoints.names());
        }
    }

    private Duration duration(String key, Duration fallback) {
        Optional<String> value = config.getOptionalValue(key, String.class);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            Duration parsed = Duration.parse(value.get().strip());
            if (parsed.isNegative() || parsed.isZero() || parsed.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalStateException("configuration key " + key + " must be above PT0S and at most PT1M");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("configuration key " + key + " is not an ISO-8601 duration such as PT10S");
        }
    }

    @Override
    public List<String> endpoints() {
        return sender.endpoints();
    }

    @Override
    public Attempt send(String endpoint, GatewayEvent event, Instant at) {
        return sender.send(endpoint, event, at);
    }
}
