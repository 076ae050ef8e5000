package io.consentgateway.adapter.out.bank;

import io.consentgateway.adapter.kit.ConfigValues;
import io.consentgateway.adapter.kit.ProviderConfig;
import io.consentgateway.adapter.kit.ProviderSettingsBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the bank adapter reaches Tatra banka's PSD2 Accounts API, checked. MicroProfile Config binds the keys
 * ({@code cg.tatrabanka.*}) to {@link BankConfig}, which the adapter's CDI constructor turns into these settings; code
 * (tests, tools) builds them with {@link #builder()}. Every value is checked here, and a bad one fails with a message
 * naming its configuration key. The client secret and the store passwords never
 * appear in {@link #toString()}.
 *
 * @param baseUri            the bank's root, e.g. {@code https://api.tatrabanka.sk/premium/sandbox}; the adapter adds
 *                           {@code /auth/oauth/v2/...} and {@code /api/v1/...}
 * @param clientId           the registered client id ({@code client_id}, HTTP Basic user name)
 * @param clientSecret       the client secret (HTTP Basic password); never printed
 * @param scope              the scope asked for at authorize ({@code AISP})
 * @param connectTimeout     TCP connect timeout of every call
 * @param readTimeout        read (socket) timeout of every call
 * @param pageSize           accounts and transactions per page: 10..100 in steps of 10, as the bank takes them
 * @param maxPages           safety net: at most this many pages of one listing (accounts, or one account's transactions)
 * @param maxTransactions    safety net: at most this many transaction items (all accounts and pages) per read
 * @param maxResponseBytes   the most bytes read from one answer; beyond, the answer counts as unusable
 * @param transactionStatus  which transactions to ask for: booked ({@code BOOK}), pending ({@code INFO}) or both
 * @param keyStore           the client certificate for mutual TLS (PSD2 eIDAS QWAC), when the bank requires one
 * @param trustStore         the trust anchors for the bank's server certificate, when not the JVM's defaults
 * @param readDeadline       a whole read (all its pages, retries included) must end within this, else it fails as
 *                           unavailable (the API answers 503)
 */
public record BankSettings(
        URI baseUri,
        String clientId,
        String clientSecret,
        String scope,
        Duration connectTimeout,
        Duration readTimeout,
        int pageSize,
        int maxPages,
        int maxTransactions,
        long maxResponseBytes,
        TransactionStatus transactionStatus,
        Optional<Store> keyStore,
        Optional<Store> trustStore,
        Duration readDeadline) {

    public static final String PREFIX = "cg.tatrabanka.";
    public static final String BASE_URL = PREFIX + ProviderConfig.BASE_URL;
    public static final String CLIENT_ID = PREFIX + ProviderConfig.CLIENT_ID;
    public static final String CLIENT_SECRET = PREFIX + ProviderConfig.CLIENT_SECRET;
    public static final String SCOPE = PREFIX + "scope";
    public static final String CONNECT_TIMEOUT = PREFIX + ProviderConfig.CONNECT_TIMEOUT;
    public static final String READ_TIMEOUT = PREFIX + ProviderConfig.READ_TIMEOUT;
    public static final String PAGE_SIZE = PREFIX + ProviderConfig.PAGE_SIZE;
    public static final String MAX_PAGES = PREFIX + ProviderConfig.MAX_PAGES;
    public static final String MAX_TRANSACTIONS = PREFIX + ProviderConfig.MAX_TRANSACTIONS;
    public static final String READ_DEADLINE = PREFIX + ProviderConfig.READ_DEADLINE;
    public static final String MAX_RESPONSE_BYTES = PREFIX + ProviderConfig.MAX_RESPONSE_BYTES;
    public static final String TRANSACTION_STATUS = PREFIX + "transaction-status";
    public static final String KEY_STORE = PREFIX + "key-store";
    public static final String KEY_STORE_PASSWORD = PREFIX + "key-store-password";
    public static final String KEY_STORE_TYPE = PREFIX + "key-store-type";
    public static final String TRUST_STORE = PREFIX + "trust-store";
    public static final String TRUST_STORE_PASSWORD = PREFIX + "trust-store-password";
    public static final String TRUST_STORE_TYPE = PREFIX + "trust-store-type";

    public static final URI DEFAULT_BASE_URI = URI.create("http://localhost:9080/sandbox/bank");
    public static final String DEFAULT_CLIENT_ID = "demo-bank-client";
    public static final String DEFAULT_CLIENT_SECRET = "demo-bank-secret";
    public static final String DEFAULT_SCOPE = "AISP";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int DEFAULT_MAX_PAGES = 1_000;
    public static final int DEFAULT_MAX_TRANSACTIONS = 100_000;
    public static final Duration DEFAULT_READ_DEADLINE = Duration.ofSeconds(20);
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;
    public static final TransactionStatus DEFAULT_TRANSACTION_STATUS = TransactionStatus.BOOK;
    public static final String DEFAULT_STORE_TYPE = "PKCS12";
    /** The defaults that point at the sandbox's bank simulator, which a production deployment refuses. */
    public static final ProviderConfig.Sandbox SANDBOX =
            new ProviderConfig.Sandbox(DEFAULT_BASE_URI, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET);

    private static final Pattern PRINTABLE_TOKEN = Pattern.compile("[\\x21-\\x7E]+");
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
        Objects.requireNonNull(baseUri, "configuration key " + BASE_URL + " is required");
        checkBaseUri(baseUri);
        ConfigValues.requireText(clientId, CLIENT_ID);
        ConfigValues.requireText(clientSecret, CLIENT_SECRET);
        if (!PRINTABLE_TOKEN.matcher(clientId).matches() || clientId.indexOf(':') >= 0) {
            throw new IllegalArgumentException("configuration key " + CLIENT_ID
                    + " must be printable ASCII without spaces or ':' (HTTP Basic)");
        }
        ConfigValues.requireText(scope, SCOPE);
        if (!SCOPE_SHAPE.matcher(scope).matches()) {
            throw new IllegalArgumentException("configuration key " + SCOPE
                    + " must be space-separated OAuth scope tokens, e.g. AISP");
        }
        ConfigValues.requirePositive(connectTimeout, CONNECT_TIMEOUT);
        ConfigValues.requirePositive(readTimeout, READ_TIMEOUT);
        if (pageSize < 10 || pageSize > 100 || pageSize % 10 != 0) {
            throw new IllegalArgumentException("configuration key " + PAGE_SIZE + " must be 10..100 in steps of 10, was "
                    + pageSize);
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("configuration key " + MAX_PAGES + " must be at least 1, was " + maxPages);
        }
        if (maxTransactions < 1) {
            throw new IllegalArgumentException("configuration key " + MAX_TRANSACTIONS + " must be at least 1, was "
                    + maxTransactions);
        }
        if (maxResponseBytes < 1024) {
            throw new IllegalArgumentException("configuration key " + MAX_RESPONSE_BYTES + " must be at least 1024, was "
                    + maxResponseBytes);
        }
        Objects.requireNonNull(transactionStatus, "configuration key " + TRANSACTION_STATUS + " is required");
        ConfigValues.requirePositive(readDeadline, READ_DEADLINE);
        Objects.requireNonNull(keyStore, "key store (optional)");
        Objects.requireNonNull(trustStore, "trust store (optional)");
    }

    /** The documented defaults (which point at the sandbox's bank simulator), to change with the builder's methods. */
    public static Builder builder() {
        return new Builder();
    }

    /** These settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder().baseUri(baseUri).client(clientId, clientSecret).scope(scope).connectTimeout(connectTimeout)
                .readTimeout(readTimeout).pageSize(pageSize).maxPages(maxPages).maxTransactions(maxTransactions)
                .maxResponseBytes(maxResponseBytes).transactionStatus(transactionStatus).keyStore(keyStore.orElse(null))
                .trustStore(trustStore.orElse(null)).readDeadline(readDeadline);
    }

    /** The base URI without a trailing slash, so that paths ({@code /api/v1/accounts}) append cleanly. */
    public URI normalisedBaseUri() {
        String text = baseUri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    @Override
    public String toString() {
        return "BankSettings[baseUri=" + baseUri + ", clientId=" + clientId + ", clientSecret=***, scope=" + scope
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", pageSize=" + pageSize
                + ", maxPages=" + maxPages + ", maxTransactions=" + maxTransactions
                + ", maxResponseBytes=" + maxResponseBytes + ", transactionStatus=" + transactionStatus
                + ", keyStore=" + keyStore.map(Store::toString).orElse("none")
                + ", trustStore=" + trustStore.map(Store::toString).orElse("none") + "]";
    }

    private static void checkBaseUri(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("configuration key " + BASE_URL + " must be an absolute http(s) URL with a host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("configuration key " + BASE_URL
                    + " must not carry a query, a fragment or user info");
        }
    }

    /**
     * Builds {@link BankSettings} in code: {@link BankConfig} from MicroProfile Config, tests and tools. It starts from
     * the documented defaults (no key or trust store); {@link #build()} checks every value as the record does, naming
     * its key.
     */
    public static final class Builder implements ProviderSettingsBuilder<Builder> {
        private URI baseUri = DEFAULT_BASE_URI;
        private String clientId = DEFAULT_CLIENT_ID;
        private String clientSecret = DEFAULT_CLIENT_SECRET;
        private String scope = DEFAULT_SCOPE;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private int pageSize = DEFAULT_PAGE_SIZE;
        private int maxPages = DEFAULT_MAX_PAGES;
        private int maxTransactions = DEFAULT_MAX_TRANSACTIONS;
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private TransactionStatus transactionStatus = DEFAULT_TRANSACTION_STATUS;
        private Store keyStore;
        private Store trustStore;
        private Duration readDeadline = DEFAULT_READ_DEADLINE;

        private Builder() {
        }

        @Override public Builder baseUri(URI value) { baseUri = value; return this; }
        @Override public Builder client(String id, String secret) { clientId = id; clientSecret = secret; return this; }
        public Builder scope(String value) { scope = value; return this; }
        @Override public Builder connectTimeout(Duration value) { connectTimeout = value; return this; }
        @Override public Builder readTimeout(Duration value) { readTimeout = value; return this; }
        @Override public Builder pageSize(int value) { pageSize = value; return this; }
        @Override public Builder maxPages(int value) { maxPages = value; return this; }
        @Override public Builder maxTransactions(int value) { maxTransactions = value; return this; }
        @Override public Builder maxResponseBytes(long value) { maxResponseBytes = value; return this; }
        public Builder transactionStatus(TransactionStatus value) { transactionStatus = value; return this; }
        /** The client certificate for mutual TLS; {@code null} for none. */
        public Builder keyStore(Store value) { keyStore = value; return this; }
        /** The trust anchors for the bank's certificate; {@code null} for the JVM's defaults. */
        public Builder trustStore(Store value) { trustStore = value; return this; }
        @Override public Builder readDeadline(Duration value) { readDeadline = value; return this; }

        /** The settings; a bad value is an {@link IllegalArgumentException} naming its key. */
        public BankSettings build() {
            return new BankSettings(baseUri, clientId, clientSecret, scope, connectTimeout, readTimeout, pageSize, maxPages,
                    maxTransactions, maxResponseBytes, transactionStatus, Optional.ofNullable(keyStore),
                    Optional.ofNullable(trustStore), readDeadline);
        }
    }
}
