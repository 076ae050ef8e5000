package io.consentgateway.adapter.out.bank;

import io.consentgateway.adapter.kit.ConfigValues;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How the bank adapter reaches Tatra banka's PSD2 Accounts API. The adapter reads it from MicroProfile Config
 * ({@link #fromConfig}, keys {@code cg.tatrabanka.*}); tests build it directly. Every value is checked here, and a
 * bad one fails with a message naming its configuration key. The client secret and the store passwords never
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
    public static final String BASE_URL = PREFIX + "base-url";
    public static final String CLIENT_ID = PREFIX + "client-id";
    public static final String CLIENT_SECRET = PREFIX + "client-secret";
    public static final String SCOPE = PREFIX + "scope";
    public static final String CONNECT_TIMEOUT = PREFIX + "connect-timeout";
    public static final String READ_TIMEOUT = PREFIX + "read-timeout";
    public static final String PAGE_SIZE = PREFIX + "page-size";
    public static final String MAX_PAGES = PREFIX + "max-pages";
    public static final String MAX_TRANSACTIONS = PREFIX + "max-transactions";
    public static final String READ_DEADLINE = PREFIX + "read-deadline";
    public static final String MAX_RESPONSE_BYTES = PREFIX + "max-response-bytes";
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

    /** The settings with the default read deadline. */
    public BankSettings(URI baseUri, String clientId, String clientSecret, String scope, Duration connectTimeout,
                        Duration readTimeout, int pageSize, int maxPages, int maxTransactions, long maxResponseBytes,
                        TransactionStatus transactionStatus, Optional<Store> keyStore, Optional<Store> trustStore) {
        this(baseUri, clientId, clientSecret, scope, connectTimeout, readTimeout, pageSize, maxPages, maxTransactions,
                maxResponseBytes, transactionStatus, keyStore, trustStore, DEFAULT_READ_DEADLINE);
    }

    /** The defaults, which point at the bundled sandbox's bank simulator. */
    public static BankSettings defaults() {
        return new BankSettings(DEFAULT_BASE_URI, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_SCOPE,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_PAGE_SIZE, DEFAULT_MAX_PAGES,
                DEFAULT_MAX_TRANSACTIONS, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TRANSACTION_STATUS,
                Optional.empty(), Optional.empty(), DEFAULT_READ_DEADLINE);
    }

    /**
     * Reads the settings from a configuration lookup ({@code key -> config.getOptionalValue(key, String.class)} with
     * MicroProfile Config); blank values count as absent. Durations are ISO-8601 ({@code PT5S}) or milliseconds
     * ({@code 5000}). A key or trust store is loaded here, so a wrong path or password fails at start-up.
     */
    public static BankSettings fromConfig(Function<String, Optional<String>> lookup) {
        Objects.requireNonNull(lookup, "lookup");
        Function<String, Optional<String>> get = key -> lookup.apply(key).map(String::strip).filter(s -> !s.isEmpty());
        Optional<Store> keyStore = get.apply(KEY_STORE).map(path -> Store.load(path(path, KEY_STORE),
                get.apply(KEY_STORE_PASSWORD).orElseThrow(() -> new IllegalArgumentException("configuration key "
                        + KEY_STORE_PASSWORD + " is required when " + KEY_STORE + " is set")),
                get.apply(KEY_STORE_TYPE).orElse(DEFAULT_STORE_TYPE), KEY_STORE));
        Optional<Store> trustStore = get.apply(TRUST_STORE).map(path -> Store.load(path(path, TRUST_STORE),
                get.apply(TRUST_STORE_PASSWORD).orElse(null),
                get.apply(TRUST_STORE_TYPE).orElse(DEFAULT_STORE_TYPE), TRUST_STORE));
        URI baseUri = get.apply(BASE_URL).map(BankSettings::parseBaseUri).orElse(DEFAULT_BASE_URI);
        String clientId = get.apply(CLIENT_ID).orElse(DEFAULT_CLIENT_ID);
        String clientSecret = get.apply(CLIENT_SECRET).orElse(DEFAULT_CLIENT_SECRET);
        ConfigValues.refuseDemoValueInProduction(lookup, BASE_URL, baseUri.toString(), DEFAULT_BASE_URI.toString());
        ConfigValues.refuseDemoValueInProduction(lookup, CLIENT_ID, clientId, DEFAULT_CLIENT_ID);
        ConfigValues.refuseDemoValueInProduction(lookup, CLIENT_SECRET, clientSecret, DEFAULT_CLIENT_SECRET);
        return new BankSettings(
                baseUri,
                clientId,
                clientSecret,
                get.apply(SCOPE).orElse(DEFAULT_SCOPE),
                get.apply(CONNECT_TIMEOUT).map(v -> ConfigValues.duration(v, CONNECT_TIMEOUT)).orElse(DEFAULT_CONNECT_TIMEOUT),
                get.apply(READ_TIMEOUT).map(v -> ConfigValues.duration(v, READ_TIMEOUT)).orElse(DEFAULT_READ_TIMEOUT),
                get.apply(PAGE_SIZE).map(v -> ConfigValues.integer(v, PAGE_SIZE)).orElse(DEFAULT_PAGE_SIZE),
                get.apply(MAX_PAGES).map(v -> ConfigValues.integer(v, MAX_PAGES)).orElse(DEFAULT_MAX_PAGES),
                get.apply(MAX_TRANSACTIONS).map(v -> ConfigValues.integer(v, MAX_TRANSACTIONS)).orElse(DEFAULT_MAX_TRANSACTIONS),
                get.apply(MAX_RESPONSE_BYTES).map(v -> ConfigValues.longValue(v, MAX_RESPONSE_BYTES)).orElse(DEFAULT_MAX_RESPONSE_BYTES),
                get.apply(TRANSACTION_STATUS).map(BankSettings::status).orElse(DEFAULT_TRANSACTION_STATUS),
                keyStore,
                trustStore,
                get.apply(READ_DEADLINE).map(v -> ConfigValues.duration(v, READ_DEADLINE)).orElse(DEFAULT_READ_DEADLINE));
    }

    /** Only the base URL, read and checked as {@link #fromConfig} does (for the readiness check). */
    public static URI baseUriFromConfig(Function<String, Optional<String>> lookup) {
        return lookup.apply(BASE_URL).map(String::strip).filter(s -> !s.isEmpty()).map(BankSettings::parseBaseUri)
                .orElse(DEFAULT_BASE_URI);
    }

    /** The base URI without a trailing slash, so that paths ({@code /api/v1/accounts}) append cleanly. */
    public URI normalisedBaseUri() {
        String text = baseUri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    public BankSettings withReadDeadline(Duration deadline) {
        return new BankSettings(baseUri, clientId, clientSecret, scope, connectTimeout, readTimeout, pageSize, maxPages,
                maxTransactions, maxResponseBytes, transactionStatus, keyStore, trustStore, deadline);
    }

    public BankSettings withBaseUri(URI value) {
        return new BankSettings(value, clientId, clientSecret, scope, connectTimeout, readTimeout, pageSize, maxPages,
                maxTransactions, maxResponseBytes, transactionStatus, keyStore, trustStore, readDeadline);
    }

    public BankSettings withClient(String id, String secret) {
        return new BankSettings(baseUri, id, secret, scope, connectTimeout, readTimeout, pageSize, maxPages,
                maxTransactions, maxResponseBytes, transactionStatus, keyStore, trustStore, readDeadline);
    }

    public BankSettings withTimeouts(Duration connect, Duration read) {
        return new BankSettings(baseUri, clientId, clientSecret, scope, connect, read, pageSize, maxPages,
                maxTransactions, maxResponseBytes, transactionStatus, keyStore, trustStore, readDeadline);
    }

    public BankSettings withPaging(int size, int pages, int transactions) {
        return new BankSettings(baseUri, clientId, clientSecret, scope, connectTimeout, readTimeout, size, pages,
                transactions, maxResponseBytes, transactionStatus, keyStore, trustStore, readDeadline);
    }

    public BankSettings withMaxResponseBytes(long bytes) {
        return new BankSettings(baseUri, clientId, clientSecret, scope, connectTimeout, readTimeout, pageSize, maxPages,
                maxTransactions, bytes, transactionStatus, keyStore, trustStore, readDeadline);
    }

    public BankSettings withTransactionStatus(TransactionStatus status) {
        return new BankSettings(baseUri, clientId, clientSecret, scope, connectTimeout, readTimeout, pageSize, maxPages,
                maxTransactions, maxResponseBytes, status, keyStore, trustStore, readDeadline);
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

    private static URI parseBaseUri(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("configuration key " + BASE_URL + " is not a valid URL");
        }
        checkBaseUri(uri);
        return uri;
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

    private static Path path(String value, String key) {
        try {
            return Path.of(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("configuration key " + key + " is not a valid file path");
        }
    }

    private static TransactionStatus status(String value) {
        try {
            return TransactionStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("configuration key " + TRANSACTION_STATUS + " must be one of "
                    + Arrays.toString(TransactionStatus.values()));
        }
    }
}
