package io.consentgateway.bootstrap;

import io.consentgateway.application.service.GatewaySettings;
import io.consentgateway.application.service.ReturnToAllowList;
import io.consentgateway.domain.policy.ConsentPolicy;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.shared.RedirectUri;
import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads the gateway's settings from MicroProfile Config, failing at start-up with the key's name when a value
 * is missing or malformed (never at the first request). The keys and their defaults are listed in
 * {@code META-INF/microprofile-config.properties} and docs/configuration.md.
 */
final class GatewayConfig {
    private final Config config;

    GatewayConfig(Config config) {
        this.config = config;
    }

    GatewaySettings settings() {
        URI publicBase = uri("cg.public-base-url");
        RedirectUri callback = config.getOptionalValue("cg.callback-url", String.class)
                .map(RedirectUri::parse)
                .orElseGet(() -> RedirectUri.parse(stripSlash(publicBase.toString()) + "/callback"));
        List<URI> allowed = Arrays.stream(string("cg.return-to.allowed").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(URI::create).toList();
        return new GatewaySettings(callback, new ProviderId(string("cg.default-provider")), Map.of(), policy(),
                new ReturnToAllowList(allowed), uri("cg.return-to.default"), duration("cg.scheduler.claim-lease"),
                duration("cg.scheduler.retry-delay"));
    }

    ConsentPolicy policy() {
        return new ConsentPolicy(
                duration("cg.policy.flow-lifetime"),
                duration("cg.policy.code-lifetime"),
                duration("cg.policy.default-access-lifetime"),
                duration("cg.policy.refresh-token-lifetime"),
                duration("cg.policy.inactivity-limit"),
                duration("cg.policy.one-time-lifetime"),
                duration("cg.policy.refresh-renewal-age"),
                duration("cg.policy.expiry-warning"),
                duration("cg.policy.access-token-skew"));
    }

    String string(String key) {
        try {
            return config.getValue(key, String.class).strip();
        } catch (NoSuchElementException e) {
            throw new IllegalStateException("configuration key " + key + " is not set");
        }
    }

    boolean bool(String key) {
        return Boolean.parseBoolean(string(key));
    }

    int integer(String key) {
        try {
            return Integer.parseInt(string(key));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("configuration key " + key + " must be a whole number");
        }
    }

    Duration duration(String key) {
        try {
            return Duration.parse(string(key));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("configuration key " + key + " must be an ISO-8601 duration such as PT1H or P90D");
        }
    }

    URI uri(String key) {
        URI uri = URI.create(string(key));
        if (!uri.isAbsolute()) {
            throw new IllegalStateException("configuration key " + key + " must be an absolute URL");
        }
        return uri;
    }

    private static String stripSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
