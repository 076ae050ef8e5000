package io.consentgateway.adapter.out.bank;

import io.consentgateway.adapter.kit.ConfigValues;
import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import static io.consentgateway.adapter.kit.ConfigValues.text;

/**
 * The bank adapter's keys ({@code cg.tatrabanka.*}) as MicroProfile Config binds them: the CDI constructor of
 * {@link BankConsentProvider} takes {@code @ConfigProperties BankConfig} and calls {@link #settings(boolean)}, which
 * checks every value, loads the key and trust stores, and answers the {@link BankSettings} the adapter works with.
 * Both happen while the application starts (the provider is created then), so a bad value, a wrong store path or
 * password stops the deployment with a message naming its key. The same shape as the nrich adapter's
 * {@code NrichConfig}, for the same reasons:
 *
 * <ul>
 *   <li>Every key is optional: an absent, empty or blank one keeps the default of {@link BankSettings#builder()},
 *       which points at the sandbox's bank simulator (docs/configuration.md lists the defaults). The defaults are not
 *       repeated as {@code defaultValue}s: MicroProfile Config would take an empty value for a missing one and fail
 *       the deployment instead of using the default.</li>
 *   <li>The whole numbers are {@code Integer} and {@code Long}, converted by MicroProfile Config (a value that is not
 *       a number fails the deployment with its message, which names the key). The other values are text, converted
 *       here with the kit's {@link ConfigValues}: MicroProfile Config has no {@code Duration} converter that also takes
 *       milliseconds ({@code 5000}) beside ISO-8601 ({@code PT5S}), and its enums take only some spellings
 *       ({@code book}, not {@code Book}); a converter registered for {@code Duration} would change every
 *       {@code Duration} of the application. The base URL and the store paths are text so that a malformed one is
 *       reported without its value; no message echoes the client secret or a store password.</li>
 *   <li>{@code @ConfigProperties} is no bean-defining annotation, and this module's bean archive discovers annotated
 *       types only: hence {@code @Dependent}, which lets the container find the class.</li>
 * </ul>
 */
@ConfigProperties(prefix = "cg.tatrabanka")
@Dependent
public class BankConfig {

    @ConfigProperty(name = "base-url")
    public Optional<String> baseUrl;

    @ConfigProperty(name = "client-id")
    public Optional<String> clientId;

    /** Never printed. */
    @ConfigProperty(name = "client-secret")
    public Optional<String> clientSecret;

    @ConfigProperty(name = "scope")
    public Optional<String> scope;

    /** ISO-8601 ({@code PT5S}, any case) or milliseconds ({@code 5000}), as every duration below. */
    @ConfigProperty(name = "connect-timeout")
    public Optional<String> connectTimeout;

    @ConfigProperty(name = "read-timeout")
    public Optional<String> readTimeout;

    @ConfigProperty(name = "page-size")
    public Optional<Integer> pageSize;

    @ConfigProperty(name = "max-pages")
    public Optional<Integer> maxPages;

    @ConfigProperty(name = "max-transactions")
    public Optional<Integer> maxTransactions;

    @ConfigProperty(name = "read-deadline")
    public Optional<String> readDeadline;

    @ConfigProperty(name = "max-response-bytes")
    public Optional<Long> maxResponseBytes;

    /** {@code BOOK}, {@code INFO} or {@code ALL}, in any case. */
    @ConfigProperty(name = "transaction-status")
    public Optional<String> transactionStatus;

    /** A file; with it, {@link #keyStorePassword} is required. */
    @ConfigProperty(name = "key-store")
    public Optional<String> keyStore;

    /** Never printed. */
    @ConfigProperty(name = "key-store-password")
    public Optional<String> keyStorePassword;

    @ConfigProperty(name = "key-store-type")
    public Optional<String> keyStoreType;

    @ConfigProperty(name = "trust-store")
    public Optional<String> trustStore;

    /** Never printed. */
    @ConfigProperty(name = "trust-store-password")
    public Optional<String> trustStorePassword;

    @ConfigProperty(name = "trust-store-type")
    public Optional<String> trustStoreType;

    /**
     * The checked settings, with the stores loaded. A bad value is an {@link IllegalArgumentException} naming its key,
     * never a secret's value; a production deployment ({@code cg.deployment=production}) refuses the sandbox's URL and
     * demo client, set so or left at their defaults.
     *
     * @param production whether {@value ConfigValues#DEPLOYMENT} says {@code production} ({@link ConfigValues#production})
     */
    public BankSettings settings(boolean production) {
        URI baseUri = text(baseUrl).map(v -> ConfigValues.url(v, BankSettings.BASE_URL))
                .orElse(BankSettings.DEFAULT_BASE_URI);
        String id = text(clientId).orElse(BankSettings.DEFAULT_CLIENT_ID);
        String secret = text(clientSecret).orElse(BankSettings.DEFAULT_CLIENT_SECRET);
        ConfigValues.refuseDemoValueInProduction(production, BankSettings.BASE_URL, baseUri.toString(),
                BankSettings.DEFAULT_BASE_URI.toString());
        ConfigValues.refuseDemoValueInProduction(production, BankSettings.CLIENT_ID, id, BankSettings.DEFAULT_CLIENT_ID);
        ConfigValues.refuseDemoValueInProduction(production, BankSettings.CLIENT_SECRET, secret,
                BankSettings.DEFAULT_CLIENT_SECRET);

        BankSettings.Builder settings = BankSettings.builder().baseUri(baseUri).client(id, secret);
        text(scope).ifPresent(settings::scope);
        text(connectTimeout).map(v -> ConfigValues.duration(v, BankSettings.CONNECT_TIMEOUT)).ifPresent(settings::connectTimeout);
        text(readTimeout).map(v -> ConfigValues.duration(v, BankSettings.READ_TIMEOUT)).ifPresent(settings::readTimeout);
        pageSize.ifPresent(settings::pageSize);
        maxPages.ifPresent(settings::maxPages);
        maxTransactions.ifPresent(settings::maxTransactions);
        text(readDeadline).map(v -> ConfigValues.duration(v, BankSettings.READ_DEADLINE)).ifPresent(settings::readDeadline);
        maxResponseBytes.ifPresent(settings::maxResponseBytes);
        text(transactionStatus).map(v -> ConfigValues.enumValue(BankSettings.TransactionStatus.class, v,
                BankSettings.TRANSACTION_STATUS)).ifPresent(settings::transactionStatus);
        text(keyStore).map(path -> BankSettings.Store.load(path(path, BankSettings.KEY_STORE),
                text(keyStorePassword).orElseThrow(() -> new IllegalArgumentException("configuration key "
                        + BankSettings.KEY_STORE_PASSWORD + " is required when " + BankSettings.KEY_STORE + " is set")),
                text(keyStoreType).orElse(BankSettings.DEFAULT_STORE_TYPE), BankSettings.KEY_STORE))
                .ifPresent(settings::keyStore);
        text(trustStore).map(path -> BankSettings.Store.load(path(path, BankSettings.TRUST_STORE),
                text(trustStorePassword).orElse(null),
                text(trustStoreType).orElse(BankSettings.DEFAULT_STORE_TYPE), BankSettings.TRUST_STORE))
                .ifPresent(settings::trustStore);
        return settings.build();
    }

    @Override
    public String toString() {
        return "BankConfig[base-url=" + baseUrl.orElse("(default)") + ", client-id=" + clientId.orElse("(default)")
                + ", client-secret=" + clientSecret.map(s -> "***").orElse("(default)")
                + ", key-store=" + keyStore.orElse("none") + "]";
    }

    private static Path path(String value, String key) {
        try {
            return Path.of(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("configuration key " + key + " is not a valid file path");
        }
    }
}
