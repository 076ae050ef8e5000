package io.consentgateway.bootstrap;

import io.consentgateway.adapter.kit.ConfigValues;
import io.consentgateway.application.service.DataSettings;
import io.consentgateway.application.service.WebhookSettings;
import io.consentgateway.application.service.GatewaySettings;
import io.consentgateway.application.service.ReturnToAllowList;
import io.consentgateway.domain.flow.FlowCompletion;
import io.consentgateway.domain.policy.ConsentPolicy;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.shared.RedirectUri;
import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.NoSuchElementException;
import java.util.Optional;

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
                .map(GatewayConfig::stripSlash).map(RedirectUri::parse)
                .orElseGet(() -> RedirectUri.parse(stripSlash(publicBase.toString()) + "/callback"));
        Optional<ProviderId> bareCallbackProvider = config.getOptionalValue("cg.callback.bare-path-provider", String.class)
                .map(String::strip).filter(v -> !v.isEmpty()).map(v -> {
                    try {
                        return new ProviderId(v);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException("configuration key cg.callback.bare-path-provider must be a provider id");
                    }
                });
        List<URI> allowed = Arrays.stream(string("cg.return-to.allowed").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(URI::create).toList();
        Duration patience = duration("cg.provider.patience");
        ConsentPolicy policy = policy();
        Map<ProviderId, ConsentPolicy> perProvider = policiesPerProvider();
        requireExchangeOutlastsPatience(policy, patience);
        perProvider.values().forEach(p -> requireExchangeOutlastsPatience(p, patience));
        return new GatewaySettings(callback, bareCallbackProvider, new ProviderId(string("cg.default-provider")),
                perProvider, policy,
                new ReturnToAllowList(allowed), uri("cg.return-to.default"), duration("cg.scheduler.claim-lease"),
                duration("cg.scheduler.retry-delay"), duration("cg.scheduler.max-retry-after"), completion(), patience,
                positiveInteger("cg.flows.max-waiting-per-user"));
    }

    /** How the gateway keeps the consents' data ({@code cg.sync.*}, {@code cg.retention.*}); each key checked by name. */
    DataSettings dataSettings() {
        Duration overlap = notNegative("cg.sync.overlap");
        if (!overlap.equals(Duration.ofDays(overlap.toDays()))) {
            throw new IllegalStateException("configuration key cg.sync.overlap must be whole days, such as P7D");
        }
        int budget = integer("cg.sync.background-budget");
        if (budget < 0) {
            throw new IllegalStateException("configuration key cg.sync.background-budget must not be negative");
        }
        return new DataSettings(notNegative("cg.sync.max-age"), overlap, notNegative("cg.sync.background-interval"), budget,
                notNegative("cg.retention.one-time"), notNegative("cg.retention.ended"), DataSettings.defaults().syncLease());
    }

    /** How the events are delivered to {@code endpoints} (the webhook adapter's): {@code cg.webhooks.*}. */
    WebhookSettings webhookSettings(List<String> endpoints) {
        List<Duration> schedule = new ArrayList<>();
        for (String pause : string("cg.webhooks.retry-schedule").split(",")) {
            try {
                schedule.add(Duration.parse(pause.strip()));
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("configuration key cg.webhooks.retry-schedule must be ISO-8601 durations, "
                        + "comma-separated, such as PT5S,PT5M,PT30M");
            }
        }
        double jitter;
        try {
            jitter = Double.parseDouble(string("cg.webhooks.retry-jitter"));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("configuration key cg.webhooks.retry-jitter must be a number from 0 to below 1");
        }
        if (schedule.stream().anyMatch(pause -> pause.isNegative() || pause.isZero())) {
            throw new IllegalStateException("configuration key cg.webhooks.retry-schedule must hold positive durations");
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalStateException("configuration key cg.webhooks.retry-jitter must be a number from 0 to below 1");
        }
        int inFlight = positiveInteger("cg.webhooks.in-flight");
        Duration lease = duration("cg.webhooks.lease");
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalStateException("configuration key cg.webhooks.lease must be at least PT1S");
        }
        return new WebhookSettings(endpoints, schedule, jitter, inFlight, lease, notNegative("cg.webhooks.keep-finished"));
    }

    private Duration notNegative(String key) {
        Duration value = duration(key);
        if (value.isNegative()) {
            throw new IllegalStateException("configuration key " + key + " must not be negative");
        }
        return value;
    }

    /**
     * An exchange waits up to the patience and then makes its call: a deadline shorter than that (plus a minute for the
     * call) would fail flows whose exchange is still under way.
     */
    private static void requireExchangeOutlastsPatience(ConsentPolicy policy, Duration patience) {
        if (policy.exchangeTimeout().compareTo(patience.plus(EXCHANGE_CALL_ALLOWANCE)) < 0) {
            throw new IllegalStateException("configuration key cg.policy.exchange-timeout (" + policy.exchangeTimeout()
                    + ") must exceed cg.provider.patience (" + patience + ") by at least " + EXCHANGE_CALL_ALLOWANCE);
        }
    }

    private static final Duration EXCHANGE_CALL_ALLOWANCE = Duration.ofMinutes(1);

    /** {@code cg.callback.completion}: {@code redirect} or {@code confirm}. */
    FlowCompletion completion() {
        String value = string("cg.callback.completion").strip();
        try {
            return FlowCompletion.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("configuration key cg.callback.completion must be redirect or confirm, not '"
                    + value + "'");
        }
    }

    /**
     * A production deployment ({@code cg.deployment=production}, set by the production server configuration) refuses to
     * start with the public demo key or the sandbox's demo identity provider, naming the key to change. (The provider
     * adapters refuse their own demo client credentials the same way, and the webhook adapter its demo secret.)
     */
    void refuseDemoSettingsInProduction() {
        if (!ConfigValues.production(config.getOptionalValue(ConfigValues.DEPLOYMENT, String.class))) {
            return;
        }
        if (DEMO_KEY_ID.equals(string("cg.crypto.current-key-id"))) {
            throw demoValue("cg.crypto.current-key-id");
        }
        if (Arrays.stream(string("cg.crypto.keys").split(",")).map(String::strip)
                .anyMatch(entry -> entry.startsWith(DEMO_KEY_ID + ":"))) {
            throw demoValue("cg.crypto.keys");
        }
        for (String key : List.of("mp.jwt.verify.issuer", "mp.jwt.verify.publickey.location")) {
            if (config.getOptionalValue(key, String.class).orElse("").contains("/sandbox/idp")) {
                throw demoValue(key);
            }
        }
    }

    /** The id of the public demo encryption key of the default (demo) configuration. */
    static final String DEMO_KEY_ID = "demo";


    private static IllegalStateException demoValue(String key) {
        return new IllegalStateException("configuration key " + key + " holds a demo value, which a production deployment "
                + "(cg.deployment=production) refuses: see docs/operations/production.md");
    }

    ConsentPolicy policy() {
        return policy(key -> "cg.policy." + key);
    }

    /**
     * Lifetimes of one provider: {@code cg.policy.<provider>.<key>} overrides {@code cg.policy.<key>}, e.g.
     * {@code cg.policy.tatrabanka.refresh-token-lifetime=P90D}. Only providers with at least one override get an entry.
     */
    Map<ProviderId, ConsentPolicy> policiesPerProvider() {
        Map<ProviderId, ConsentPolicy> policies = new TreeMap<>(Comparator.comparing(ProviderId::value));
        for (String name : config.getPropertyNames()) {
            Matcher override = PROVIDER_POLICY_KEY.matcher(name);
            if (override.matches() && POLICY_KEYS.contains(override.group(2))) {
                String provider = override.group(1);
                policies.computeIfAbsent(new ProviderId(provider), p -> policy(key ->
                        config.getOptionalValue("cg.policy." + provider + "." + key, String.class).isPresent()
                                ? "cg.policy." + provider + "." + key : "cg.policy." + key));
            }
        }
        return policies;
    }

    private ConsentPolicy policy(UnaryOperator<String> keyOf) {
        return new ConsentPolicy(
                duration(keyOf.apply("flow-lifetime")),
                duration(keyOf.apply("code-lifetime")),
                duration(keyOf.apply("default-access-lifetime")),
                duration(keyOf.apply("refresh-token-lifetime")),
                duration(keyOf.apply("inactivity-limit")),
                duration(keyOf.apply("one-time-lifetime")),
                duration(keyOf.apply("refresh-renewal-age")),
                duration(keyOf.apply("expiry-warning")),
                duration(keyOf.apply("access-token-skew")),
                duration(keyOf.apply("exchange-timeout")),
                duration(keyOf.apply("settle-in-doubt-after")));
    }

    private static final Pattern PROVIDER_POLICY_KEY = Pattern.compile("cg\\.policy\\.([a-z][a-z0-9-]{1,31})\\.([a-z-]+)");
    private static final Set<String> POLICY_KEYS = Set.of("flow-lifetime", "code-lifetime", "default-access-lifetime",
            "refresh-token-lifetime", "inactivity-limit", "one-time-lifetime", "refresh-renewal-age", "expiry-warning",
            "access-token-skew", "exchange-timeout", "settle-in-doubt-after");

    String string(String key) {
        try {
            return config.getValue(key, String.class).strip();
        } catch (NoSuchElementException e) {
            throw new IllegalStateException("configuration key " + key + " is not set");
        }
    }

    /** {@code true} or {@code false} (any case); anything else stops the start with the key's name. */
    boolean bool(String key) {
        String value = string(key);
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalStateException("configuration key " + key + " must be true or false");
    }

    int integer(String key) {
        try {
            return Integer.parseInt(string(key));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("configuration key " + key + " must be a whole number");
        }
    }

    /** A whole number of at least 1, or the start stops with the key's name. */
    int positiveInteger(String key) {
        int value = integer(key);
        if (value < 1) {
            throw new IllegalStateException("configuration key " + key + " must be at least 1");
        }
        return value;
    }

    /** A duration above zero, or the start stops with the key's name. */
    Duration positiveDuration(String key) {
        Duration value = duration(key);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalStateException("configuration key " + key + " must be positive");
        }
        return value;
    }

    /** Whether {@code GET /metrics} serves the counters in the Prometheus format ({@code cg.metrics.prometheus.enabled}). */
    boolean prometheusEnabled() {
        return bool("cg.metrics.prometheus.enabled");
    }

    /** How many consents the keep-alive works on at once ({@code cg.scheduler.parallelism}). */
    int schedulerLanes() {
        return positiveInteger("cg.scheduler.parallelism");
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
