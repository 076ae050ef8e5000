package io.consentgateway.adapter.out.webhooks;

import io.consentgateway.adapter.kit.ConfigValues;
import io.consentgateway.application.port.out.GatewayEvent;
import io.consentgateway.application.port.out.WebhookSender;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
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
        for (String name : endpoints.signedWithDemoSecret()) {
            LOG.warning("Webhook endpoint " + name + " is signed with the public DEMO secret: a receiver cannot tell "
                    + "the gateway's deliveries from anyone's. Never use it in production: see docs/webhooks.md.");
        }
        if (!endpoints.names().isEmpty()) {
            LOG.info(() -> "Webhooks go to " + endpoints.names());
        }
    }

    /** A timeout of the attempt: above zero and at most a minute, so an attempt never holds its lane for long. */
    private Duration duration(String key, Duration fallback) {
        Optional<String> value = config.getOptionalValue(key, String.class).map(String::strip);
        if (value.isEmpty()) {
            return fallback;
        }
        Duration parsed = ConfigValues.duration(value.get(), key);
        ConfigValues.requirePositive(parsed, key);
        if (parsed.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("configuration key " + key + " must be at most PT1M");
        }
        return parsed;
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
