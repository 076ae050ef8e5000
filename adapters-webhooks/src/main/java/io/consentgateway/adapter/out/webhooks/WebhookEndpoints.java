package io.consentgateway.adapter.out.webhooks;

import io.consentgateway.adapter.kit.ConfigValues;
import io.consentgateway.domain.shared.LoopbackHost;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The endpoints the events go to, from configuration: {@code cg.webhooks.endpoints} names them (comma-separated), and
 * for each name {@code cg.webhooks.endpoint.<name>.url} and {@code cg.webhooks.endpoint.<name>.secrets} (one or more
 * {@code whsec_} secrets, comma-separated, the newest first). Every rule is checked when the gateway starts, and a
 * broken one stops the start with the key's name (never the secret):
 * <ul>
 *   <li>an endpoint is {@code https}, except on a loopback host (a receiver on the same machine, the demo's sandbox);</li>
 *   <li>it has no user-info, query or fragment;</li>
 *   <li>a production deployment refuses the demo configuration's public secret;</li>
 *   <li>it cannot be the gateway's own API: an endpoint on the gateway's own origin (its public base URL, or a loopback
 *       host on its own HTTP port) must not lie under {@code /api} or {@code /callback}. Redirects are never followed,
 *       so a receiver cannot send a delivery there either.</li>
 * </ul>
 */
final class WebhookEndpoints {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final List<String> GATEWAY_PATHS = List.of("/api", "/callback");
    /** The demo configuration's secret: public, so a delivery signed with it proves nothing; production refuses it. */
    static final String DEMO_SECRET = "whsec_ZGVtby1zZWNyZXQtZm9yLXRoZS1zYW5kYm94LW9ubHk=";

    record Endpoint(String name, URI url, List<byte[]> keys) {
        @Override
        public String toString() {
            return name + " (" + url + ", " + keys.size() + " secret(s))";
        }
    }

    private final Map<String, Endpoint> byName;
    private final List<String> signedWithDemoSecret;

    private WebhookEndpoints(Map<String, Endpoint> byName, List<String> signedWithDemoSecret) {
        this.byName = byName;
        this.signedWithDemoSecret = List.copyOf(signedWithDemoSecret);
    }

    /**
     * @param config     a configuration value by key, if set
     * @param ownOrigins the origins this gateway serves its API at ({@code scheme://host:port}, lower case)
     */
    static WebhookEndpoints from(Function<String, Optional<String>> config, List<String> ownOrigins) {
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        List<String> demo = new ArrayList<>();
        for (String name : list(config.apply("cg.webhooks.endpoints").orElse(""))) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalStateException("configuration key cg.webhooks.endpoints: an endpoint name is 1 to 64 of "
                        + "a-z 0-9 - (starting with a letter or digit)");
            }
            String urlKey = "cg.webhooks.endpoint." + name + ".url";
            String secretsKey = "cg.webhooks.endpoint." + name + ".secrets";
            URI url = url(urlKey, config.apply(urlKey).orElseThrow(() ->
                    new IllegalStateException("configuration key " + urlKey + " is missing")), ownOrigins);
            List<byte[]> keys = new ArrayList<>();
            for (String secret : list(config.apply(secretsKey).orElse(""))) {
                ConfigValues.refuseDemoValueInProduction(config, secretsKey, secret, DEMO_SECRET);
                if (secret.equals(DEMO_SECRET) && !demo.contains(name)) {
                    demo.add(name);
                }
                try {
                    keys.add(StandardWebhookSignature.key(secret));
                } catch (IllegalArgumentException invalid) {
                    throw new IllegalStateException("configuration key " + secretsKey + ": " + invalid.getMessage());
                }
            }
            if (keys.isEmpty()) {
                throw new IllegalStateException("configuration key " + secretsKey + " is missing: an endpoint needs a "
                        + StandardWebhookSignature.SECRET_PREFIX + " secret");
            }
            if (endpoints.put(name, new Endpoint(name, url, List.copyOf(keys))) != null) {
                throw new IllegalStateException("configuration key cg.webhooks.endpoints names " + name + " twice");
            }
        }
        return new WebhookEndpoints(endpoints, demo);
    }

    private static URI url(String key, String value, List<String> ownOrigins) {
        URI url;
        try {
            url = new URI(value.strip());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("configuration key " + key + " is not a URL");
        }
        String scheme = Optional.ofNullable(url.getScheme()).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        if (!scheme.equals("https") && !scheme.equals("http") || url.getHost() == null) {
            throw new IllegalStateException("configuration key " + key + " must be an absolute https URL");
        }
        if (scheme.equals("http") && !LoopbackHost.is(url.getHost())) {
            throw new IllegalStateException("configuration key " + key + " must be https (http only on a loopback host)");
        }
        if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalStateException("configuration key " + key + " must have no user-info, query or fragment");
        }
        String path = Optional.ofNullable(url.getRawPath()).filter(p -> !p.isEmpty()).orElse("/");
        boolean own = ownOrigins.contains(origin(url))
                || LoopbackHost.is(url.getHost()) && ownOrigins.stream().anyMatch(o -> o.endsWith(":" + port(url)));
        if (own && GATEWAY_PATHS.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"))) {
            throw new IllegalStateException("configuration key " + key + " points at this gateway's own API");
        }
        return url;
    }

    static String origin(URI url) {
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":" + port(url);
    }

    private static int port(URI url) {
        return url.getPort() >= 0 ? url.getPort() : url.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The endpoints that list the demo configuration's public secret (outside production, where it is refused). */
    List<String> signedWithDemoSecret() {
        return signedWithDemoSecret;
    }

    List<String> names() {
        return List.copyOf(byName.keySet());
    }

    Optional<Endpoint> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
