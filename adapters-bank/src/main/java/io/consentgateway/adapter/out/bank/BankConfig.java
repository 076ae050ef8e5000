package io.consentgateway.adapter.out.bank;

import io.consentgateway.adapter.kit.ConfigValues;
import io.consentgateway.adapter.kit.ProviderConfig;
import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.util.Optional;

import static io.consentgateway.adapter.kit.ConfigValues.text;

/**
 * The bank's own keys ({@code cg.tatrabanka.*}: scope, transaction status, key and trust stores) as MicroProfile
 * Config binds them; the keys every provider has (URL, client, timeouts, paging limits) are bound under the same prefix
 * to the kit's {@link ProviderConfig}. The settings producer ({@link BankCalls#settings}) takes both and calls
 * {@link #settings(ProviderConfig, boolean)}, which checks every value, loads the key and trust stores, and answers the
 * {@link BankSettings} the adapter works with. Both happen while the application starts, so a bad value, a wrong store
 * path or password stops the deployment with a message naming its key. The same shape as the nrich adapter's
 * {@code NrichConfig}, for the same reasons:
 *
 * <ul>
 *   <li>Every key is optional: an absent, empty or blank one keeps the default of {@link BankSettings#builder()},
 *       which points at the sandbox's bank simulator (docs/configuration.md lists the defaults). The defaults are not
 *       repeated as {@code defaultValue}s: MicroProfile Config would take an empty value for a missing one and fail
 *       the deployment instead of using the default.</li>
 *   <li>The values are text, converted here with the kit's {@link ConfigValues}: MicroProfile Config's enums take only
 *       some spellings ({@code book}, not {@code Book}). The store paths are text so that a malformed one is reported
 *       without its value; no message echoes a store password.</li>
 *   <li>{@code @ConfigProperties} is no bean-defining annotation, and this module's bean archive discovers annotated
 *       types only: hence {@code @Dependent}, which lets the container find the class.</li>
 * </ul>
 */
@ConfigProperties(prefix = "cg.tatrabanka")
@Dependent
public class BankConfig {

    @ConfigProperty(name = "scope")
    public Optional<String> scope;

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
     * @param common     the keys every provider has, bound under {@code cg.tatrabanka}
     * @param production whether {@value ConfigValues#DEPLOYMENT} says {@code production} ({@link ConfigValues#production})
     */
    public BankSettings settings(ProviderConfig common, boolean production) {
        BankSettings.Builder settings = common.applyTo(BankSettings.builder(), production);
        text(scope).ifPresent(settings::scope);
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
        return "BankConfig[scope=" + scope.orElse("(default)") + ", transaction-status="
                + transactionStatus.orElse("(default)") + ", key-store=" + keyStore.orElse("none")
                + ", key-store-password=" + keyStorePassword.map(s -> "***").orElse("none")
                + ", trust-store=" + trustStore.orElse("none") + "]";
    }

    private static Path path(String value, String key) {
        try {
            return Path.of(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("configuration key " + key + " is not a valid file path");
        }
    }
}
