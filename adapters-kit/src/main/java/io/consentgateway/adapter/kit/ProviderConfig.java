package io.consentgateway.adapter.kit;

import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

import static io.consentgateway.adapter.kit.ConfigValues.text;

/**
 * The keys every provider adapter has, under its own prefix ({@code cg.nrich.*}, {@code cg.tatrabanka.*}), as
 * MicroProfile Config binds them. The class has no prefix of its own: the injection point names it,
 * {@code @ConfigProperties(prefix = "cg.nrich") ProviderConfig}, and the container binds one instance per prefix. An
 * adapter binds its provider's own keys to a class of its own and {@linkplain #applyTo puts} these into its settings
 * builder; a new adapter writes neither the fields nor their checks again.
 *
 * <p>Every key is optional: an absent, empty or blank one keeps the builder's default (the bundled sandbox). The
 * defaults are not repeated as {@code defaultValue}s: MicroProfile Config would take an empty value
 * ({@code CG_NRICH_PAGE_SIZE=}) for a missing one and fail the deployment instead of using the default.
 *
 * <p>Whole numbers are {@code Integer} and {@code Long}, converted by MicroProfile Config (a value that is not a
 * number fails the deployment with its message, which names the key). Durations are text read by
 * {@link ConfigValues#duration}, because MicroProfile Config has no {@code Duration} converter that also takes
 * milliseconds ({@code 5000}) beside ISO-8601 ({@code PT5S}), and one registered for {@code Duration} would change every
 * {@code Duration} of the application. The base URL is text so that a malformed one is reported without its value (a
 * URL may carry user information); no message and no {@link #toString()} shows the client secret.
 *
 * <p>{@code @ConfigProperties} is no bean-defining annotation, and the bean archives here discover annotated types
 * only: hence {@code @Dependent}, which lets the container find the class.
 */
@ConfigProperties
@Dependent
public class ProviderConfig {

    /** The key names below an adapter's prefix, as the documentation lists them. */
    public static final String BASE_URL = "base-url";
    public static final String CLIENT_ID = "client-id";
    public static final String CLIENT_SECRET = "client-secret";
    public static final String CONNECT_TIMEOUT = "connect-timeout";
    public static final String READ_TIMEOUT = "read-timeout";
    public static final String PAGE_SIZE = "page-size";
    public static final String MAX_PAGES = "max-pages";
    public static final String MAX_TRANSACTIONS = "max-transactions";
    public static final String READ_DEADLINE = "read-deadline";
    public static final String MAX_RESPONSE_BYTES = "max-response-bytes";

    @ConfigProperty(name = BASE_URL)
    public Optional<String> baseUrl;

    @ConfigProperty(name = CLIENT_ID)
    public Optional<String> clientId;

    /** Never printed. */
    @ConfigProperty(name = CLIENT_SECRET)
    public Optional<String> clientSecret;

    /** ISO-8601 ({@code PT5S}, any case) or milliseconds ({@code 5000}), as every duration below. */
    @ConfigProperty(name = CONNECT_TIMEOUT)
    public Optional<String> connectTimeout;

    @ConfigProperty(name = READ_TIMEOUT)
    public Optional<String> readTimeout;

    @ConfigProperty(name = PAGE_SIZE)
    public Optional<Integer> pageSize;

    @ConfigProperty(name = MAX_PAGES)
    public Optional<Integer> maxPages;

    @ConfigProperty(name = MAX_TRANSACTIONS)
    public Optional<Integer> maxTransactions;

    @ConfigProperty(name = READ_DEADLINE)
    public Optional<String> readDeadline;

    @ConfigProperty(name = MAX_RESPONSE_BYTES)
    public Optional<Long> maxResponseBytes;

    /**
     * The demo client an adapter's defaults name: the bundled sandbox's URL and client, which a production deployment
     * ({@value ConfigValues#DEPLOYMENT}{@code =production}) refuses, set so or left at the default.
     */
    public record Sandbox(URI baseUri, String clientId, String clientSecret) {
        public Sandbox {
            Objects.requireNonNull(baseUri, "sandbox base URI");
            Objects.requireNonNull(clientId, "sandbox client id");
            Objects.requireNonNull(clientSecret, "sandbox client secret");
        }

        @Override
        public String toString() {
            return "Sandbox[baseUri=" + baseUri + ", clientId=" + clientId + ", clientSecret=***]";
        }
    }

    /**
     * Puts the values that are set into {@code settings}; the others keep the builder's defaults. A bad value is an
     * {@link IllegalArgumentException} naming its key (the builder's prefix and the name), never the secret's value.
     * A production deployment refuses the sandbox's URL and demo client the builder names, set so or left as default.
     *
     * @param production whether the deployment is a production one ({@link ConfigValues#production})
     */
    public <B extends ProviderSettingsBuilder<B>> B applyTo(B settings, boolean production) {
        String prefix = settings.keyPrefix();
        Sandbox sandbox = settings.sandbox();
        URI uri = text(baseUrl).map(v -> ConfigValues.url(v, prefix + BASE_URL)).orElse(sandbox.baseUri());
        String id = text(clientId).orElse(sandbox.clientId());
        String secret = text(clientSecret).orElse(sandbox.clientSecret());
        ConfigValues.refuseDemoValueInProduction(production, prefix + BASE_URL, uri.toString(),
                sandbox.baseUri().toString());
        ConfigValues.refuseDemoValueInProduction(production, prefix + CLIENT_ID, id, sandbox.clientId());
        ConfigValues.refuseDemoValueInProduction(production, prefix + CLIENT_SECRET, secret, sandbox.clientSecret());
        settings.baseUri(uri).client(id, secret);
        text(connectTimeout).map(v -> ConfigValues.duration(v, prefix + CONNECT_TIMEOUT)).ifPresent(settings::connectTimeout);
        text(readTimeout).map(v -> ConfigValues.duration(v, prefix + READ_TIMEOUT)).ifPresent(settings::readTimeout);
        text(readDeadline).map(v -> ConfigValues.duration(v, prefix + READ_DEADLINE)).ifPresent(settings::readDeadline);
        pageSize.ifPresent(settings::pageSize);
        maxPages.ifPresent(settings::maxPages);
        maxTransactions.ifPresent(settings::maxTransactions);
        maxResponseBytes.ifPresent(settings::maxResponseBytes);
        return settings;
    }

    @Override
    public String toString() {
        return "ProviderConfig[base-url=" + baseUrl.orElse("(default)") + ", client-id=" + clientId.orElse("(default)")
                + ", client-secret=" + clientSecret.map(s -> "***").orElse("(default)") + "]";
    }
}
