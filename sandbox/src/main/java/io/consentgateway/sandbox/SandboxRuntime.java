package io.consentgateway.sandbox;

import io.consentgateway.sandbox.bank.BankSimulatorSettings;
import io.consentgateway.sandbox.core.SandboxClock;
import io.consentgateway.sandbox.core.Secrets;
import io.consentgateway.sandbox.idp.IdpSettings;
import io.consentgateway.sandbox.nrich.NrichSimulatorSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one {@link Sandbox} of the application, configured from MicroProfile Config
 * (keys {@code sandbox.*}, see README). State lives in memory for the application's lifetime.
 */
@ApplicationScoped
public class SandboxRuntime {

    private static final Logger LOG = Logger.getLogger(SandboxRuntime.class.getName());

    private Sandbox sandbox;
    private String instanceId;

    @PostConstruct
    void start() {
        Config config = ConfigProvider.getConfig();
        instanceId = string(config, "sandbox.instance-id", "");
        NrichSimulatorSettings nd = NrichSimulatorSettings.defaults();
        NrichSimulatorSettings nrich = new NrichSimulatorSettings(
                string(config, "sandbox.nrich.client-id", nd.clientId()),
                string(config, "sandbox.nrich.client-secret", nd.clientSecret()),
                bool(config, "sandbox.nrich.legacy-cancel-parameter", nd.legacyCancelParameter()),
                bool(config, "sandbox.nrich.require-redirect-uri-on-exchange", nd.requireRedirectUriOnExchange()),
                duration(config, "sandbox.nrich.code-lifetime", nd.codeLifetime()),
                duration(config, "sandbox.nrich.access-token-lifetime", nd.accessTokenLifetime()),
                duration(config, "sandbox.nrich.refresh-token-lifetime", nd.refreshTokenLifetime()),
                duration(config, "sandbox.nrich.inactivity-limit", nd.inactivityLimit()),
                duration(config, "sandbox.nrich.one-time-data-lifetime", nd.oneTimeDataLifetime()),
                duration(config, "sandbox.nrich.flow-lifetime", nd.flowLifetime()));
        BankSimulatorSettings bd = BankSimulatorSettings.defaults();
        BankSimulatorSettings bank = new BankSimulatorSettings(
                string(config, "sandbox.bank.client-id", bd.clientId()),
                string(config, "sandbox.bank.client-secret", bd.clientSecret()),
                orDefault(list(config, "sandbox.bank.redirect-uris"), bd.redirectUris()),
                string(config, "sandbox.bank.default-user", bd.defaultUser()),
                duration(config, "sandbox.bank.code-lifetime", bd.codeLifetime()),
                duration(config, "sandbox.bank.access-token-lifetime", bd.accessTokenLifetime()),
                duration(config, "sandbox.bank.consent-lifetime", bd.consentLifetime()));
        IdpSettings id = IdpSettings.defaults();
        IdpSettings idp = new IdpSettings(
                string(config, "sandbox.idp.issuer", id.issuer()),
                string(config, "sandbox.idp.audience", id.audience()),
                duration(config, "sandbox.idp.token-lifetime", id.tokenLifetime()));
        String base = config.getOptionalValue("sandbox.public-base-url", String.class).orElse(null);
        URI publicBase = base == null || base.isBlank() ? null : URI.create(base.endsWith("/") ? base : base + "/");
        // A canary for leak scans: every token and code the simulators issue starts with it (empty by default).
        Secrets secrets = new Secrets(string(config, "sandbox.secret-prefix", ""));
        sandbox = new Sandbox(SandboxClock.system(), nrich, bank, idp, publicBase, secrets);
        LOG.info(() -> "Sandbox started (simulated providers only). " + nrich + " " + bank + " issuer=" + idp.issuer());
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    /**
     * The label this sandbox was started with ({@code sandbox.instance-id}, empty by default): a test build sets one,
     * so that its tests can tell their own server from another one listening where they look.
     */
    public String instanceId() {
        return instanceId;
    }

    private static String string(Config config, String key, String defaultValue) {
        return config.getOptionalValue(key, String.class).orElse(defaultValue);
    }

    private static boolean bool(Config config, String key, boolean defaultValue) {
        return config.getOptionalValue(key, Boolean.class).orElse(defaultValue);
    }

    private static List<String> list(Config config, String key) {
        return config.getOptionalValue(key, String.class)
                .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    /** An ISO-8601 duration such as {@code PT1H} or {@code P90D}. */
    private static Duration duration(Config config, String key, Duration defaultValue) {
        return config.getOptionalValue(key, String.class).map(v -> {
            try {
                return Duration.parse(v.trim());
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalStateException(key + " must be an ISO-8601 duration such as PT1H or P90D");
            }
        }).orElse(defaultValue);
    }

    private static List<String> orDefault(List<String> configured, List<String> defaults) {
        return configured.isEmpty() ? defaults : configured;
    }
}
