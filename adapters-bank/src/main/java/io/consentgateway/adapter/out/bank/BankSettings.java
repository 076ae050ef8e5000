package io.consentgateway.adapter.out.bank;

import io.consentgateway.adapter.kit.ConfigValues;
import io.consentgateway.adapter.kit.ProviderConfig;
import io.consentgateway.adapter.kit.ProviderSettings;
import io.consentgateway.adapter.kit.ProviderSettingsBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the bank adapter reaches Tatra banka's PSD2 Accounts API, checked: what every provider has
 * ({@link ProviderSettings}: URL, client, timeouts, limits) and what only the bank has. MicroProfile Config binds the
 * keys ({@code cg.tatrabanka.*}) to the kit's {@link ProviderConfig} and to {@link BankConfig}, which the adapter's
 * settings producer turns into these settings; code (tests, tools) builds them with {@link #builder()}. Every value is
 * checked, and a bad one fails with a message naming its configuration key. The client secret and the store passwords
 * never appear in {@link #toString()}.
 *
 * @param common            what every provider has; its base URI is the bank's root, e.g.
 *                          {@code https://api.tatrabanka.sk/premium/sandbox}, to which the adapter adds
 *                          {@code /auth/oauth/v2/...} and {@code /api/v1/...}; its page limit applies to one listing
 *                          (accounts, or one account's transactions)
 * @param scope             the scope asked for at authorize ({@code AISP})
 * @param pageSize          accounts and transactions per page: 10..100 in steps of 10, as the bank takes them
 * @param transactionStatus which transactions to ask for: booked ({@code BOOK}), pending ({@code INFO}) or both
 * @param keyStore          the client certificate for mutual TLS (PSD2 eIDAS QWAC), when the bank requires one
 * @param trustStore        the trust anchors for the bank's server certificate, when not the JVM's defaults
 */
public record BankSettings(
        ProviderSettings common,
        String scope,
        int pageSize,
        TransactionStatus transactionStatus,
        Optional<Store> keyStore,
        Optional<Store> trustStore) {

    public static final String PREFIX = "cg.tatrabanka.";
    public static final String SCOPE = PREFIX + "scope";
    public static final String TRANSACTION_STATUS = PREFIX + "transaction-status";
    public static final String KEY_STORE = PREFIX + "key-store";
    public static final String KEY_STORE_PASSWORD = PREFIX + "key-store-password";
    public static final String KEY_STORE_TYPE = PREFIX + "key-store-type";
    public static final String TRUST_STORE = PREFIX + "trust-store";
    public static final String TRUST_STORE_PASSWORD = PREFIX + "trust-store-password";
    public static final String TRUST_STORE_TYPE = PREFIX + "trust-store-type";

    /** The defaults that point at the sandbox's bank simulator and its demo client, which a production deployment refuses. */
    public static final ProviderConfig.Sandbox SANDBOX = new ProviderConfig.Sandbox(
            URI.create("http://localhost:9080/sandbox/bank"), "demo-bank-client", "demo-bank-secret");
    public static final String DEFAULT_SCOPE = "AISP";
    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int DEFAULT_MAX_PAGES = 1_000;
    public static final TransactionStatus DEFAULT_TRANSACTION_STATUS = TransactionStatus.BOOK;
    public static final String DEFAULT_STORE_TYPE = "PKCS12";

    private static final Pattern SCOPE_SHAPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+( [\\x21\\x23-\\x5B\\x5D-\\x7E]+)*");

    /** The bank's transaction status filter: {@code ALL}, booked only ({@code BOOK}) or pending only ({@code INFO}). */
    public enum TransactionStatus { ALL, BOOK, INFO }

    /**
     * A loaded key or trust store. The password is kept for {@code RestClientBuilder.keyStore} and never printed.
     *
     * @param path     where it was read from
     * @param type     its type, e.g. {@code PKCS12}
     * @param store    the loaded store
     * @param password its password (may be {@code null} for a trust store)
     */
    public record Store(Path path, String type, KeyStore store, String password) {
        public Store {
            Objects.requireNonNull(path, "store path");
            Objects.requireNonNull(type, "store type");
            Objects.requireNonNull(store, "store");
        }

        /**
         * Loads a store from a file; any failure (missing file, wrong password, wrong type) names {@code key}, never
         * the password.
         */
        public static Store load(Path path, String password, String type, String key) {
            KeyStore store;
            try {
                store = KeyStore.getInstance(type);
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("configuration key " + key + ": the store type " + type
                        + " is not supported");
            }
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("configuration key " + key + " names no readable file: " + path);
            }
            char[] secret = password == null ? null : password.toCharArray();
            try (InputStream in = Files.newInputStream(path)) {
                store.load(in, secret);
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException("configuration key " + key + ": the store " + path
                        + " cannot be loaded as " + type + " (wrong password, type or file)");
            } finally {
                if (secret != null) {
                    Arrays.fill(secret, '\0');
                }
            }
            return new Store(path, type, store, password);
        }

        @Override
        public String toString() {
            return "Store[path=" + path + ", type=" + type + ", password=" + (password == null ? "none" : "***") + "]";
        }
    }

    public BankSettings {
        Objects.requireNonNull(common, "provider settings");
        ConfigValues.requireText(scope, SCOPE);
        if (!SCOPE_SHAPE.matcher(scope).matches()) {
            throw new IllegalArgumentException("configuration key " + SCOPE
                    + " must be space-separated OAuth scope tokens, e.g. AISP");
        }
        if (pageSize < 10 || pageSize > 100 || pageSize % 10 != 0) {
            throw new IllegalArgumentException("configuration key " + common.key(ProviderConfig.PAGE_SIZE)
                    + " must be 10..100 in steps of 10, was " + pageSize);
        }
        Objects.requireNonNull(transactionStatus, "configuration key " + TRANSACTION_STATUS + " is required");
        Objects.requireNonNull(keyStore, "key store (optional)");
        Objects.requireNonNull(trustStore, "trust store (optional)");
    }

    /** The documented defaults (which point at the sandbox's bank simulator), to change with the builder's methods. */
    public static Builder builder() {
        return new Builder();
    }

    /** These settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder().from(common).scope(scope).pageSize(pageSize).transactionStatus(transactionStatus)
                .keyStore(keyStore.orElse(null)).trustStore(trustStore.orElse(null));
    }

    @Override
    public String toString() {
        return "BankSettings[common=" + common + ", scope=" + scope + ", pageSize=" + pageSize
                + ", transactionStatus=" + transactionStatus
                + ", keyStore=" + keyStore.map(Store::toString).orElse("none")
                + ", trustStore=" + trustStore.map(Store::toString).orElse("none") + "]";
    }

    /**
     * Builds {@link BankSettings} in code: from MicroProfile Config ({@link BankConfig}), tests and tools. It starts
     * from the documented defaults (no key or trust store); {@link #build()} checks every value as the records do,
     * naming its key. What every provider has is set with the kit's methods ({@code baseUri}, {@code client}, ...).
     */
    public static final class Builder extends ProviderSettingsBuilder<Builder> {
        private String scope = DEFAULT_SCOPE;
        private TransactionStatus transactionStatus = DEFAULT_TRANSACTION_STATUS;
        private Store keyStore;
        private Store trustStore;

        private Builder() {
            super(PREFIX, SANDBOX, DEFAULT_PAGE_SIZE, DEFAULT_MAX_PAGES);
        }

        public Builder scope(String value) { scope = value; return this; }
        public Builder transactionStatus(TransactionStatus value) { transactionStatus = value; return this; }
        /** The client certificate for mutual TLS; {@code null} for none. */
        public Builder keyStore(Store value) { keyStore = value; return this; }
        /** The trust anchors for the bank's certificate; {@code null} for the JVM's defaults. */
        public Builder trustStore(Store value) { trustStore = value; return this; }

        /** The settings; a bad value is an {@link IllegalArgumentException} naming its key. */
        public BankSettings build() {
            return new BankSettings(common(), scope, pageSize(), transactionStatus, Optional.ofNullable(keyStore),
                    Optional.ofNullable(trustStore));
        }
    }
}
