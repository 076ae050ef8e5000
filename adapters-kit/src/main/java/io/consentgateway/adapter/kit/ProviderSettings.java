package io.consentgateway.adapter.kit;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The settings every provider adapter has, checked: where the provider is, who the gateway is to it, how long a call
 * may take, how much one answer and one read may bring. An adapter's own settings record holds one of these beside
 * what only its provider has; its builder ({@link ProviderSettingsBuilder}) makes it. Every check names the
 * configuration key ({@code keyPrefix} and the key's name), so a bad value fails the deployment with a message an
 * operator can act on; the client secret never appears in a message or in {@link #toString()}.
 *
 * @param keyPrefix        the adapter's configuration prefix with its dot, e.g. {@code cg.nrich.}, for the messages
 * @param baseUri          the provider's API root: absolute http(s) with a host, no query, fragment or user info
 *                         (credentials go in the client id and secret)
 * @param clientId         the client id (HTTP Basic user name): printable ASCII, no space, no {@code :}
 * @param clientSecret     the client secret (HTTP Basic password); never printed
 * @param connectTimeout   TCP connect timeout of every call
 * @param readTimeout      read (socket) timeout of every call
 * @param maxResponseBytes the most bytes read from one answer (at least 1024); beyond, the answer counts as unusable
 * @param maxPages         safety net: at most this many pages of one listing
 * @param maxTransactions  safety net: at most this many transaction items (all pages together) per read; beyond, the
 *                         read fails with {@link PagingLimitExceeded}
 * @param readDeadline     a whole read (all its pages, retries included) must end within this, else it fails as
 *                         unavailable
 */
public record ProviderSettings(
        String keyPrefix,
        URI baseUri,
        String clientId,
        String clientSecret,
        Duration connectTimeout,
        Duration readTimeout,
        long maxResponseBytes,
        int maxPages,
        int maxTransactions,
        Duration readDeadline) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;
    public static final int DEFAULT_MAX_TRANSACTIONS = 100_000;
    public static final Duration DEFAULT_READ_DEADLINE = Duration.ofSeconds(20);

    private static final Pattern PRINTABLE_TOKEN = Pattern.compile("[\\x21-\\x7E]+");

    public ProviderSettings {
        Objects.requireNonNull(keyPrefix, "key prefix");
        if (baseUri == null) {
            throw new IllegalArgumentException("configuration key " + keyPrefix + ProviderConfig.BASE_URL + " is required");
        }
        checkBaseUri(baseUri, keyPrefix + ProviderConfig.BASE_URL);
        ConfigValues.requireText(clientId, keyPrefix + ProviderConfig.CLIENT_ID);
        ConfigValues.requireText(clientSecret, keyPrefix + ProviderConfig.CLIENT_SECRET);
        if (!PRINTABLE_TOKEN.matcher(clientId).matches() || clientId.indexOf(':') >= 0) {
            throw new IllegalArgumentException("configuration key " + keyPrefix + ProviderConfig.CLIENT_ID
                    + " must be printable ASCII without spaces or ':' (HTTP Basic)");
        }
        ConfigValues.requirePositive(connectTimeout, keyPrefix + ProviderConfig.CONNECT_TIMEOUT);
        ConfigValues.requirePositive(readTimeout, keyPrefix + ProviderConfig.READ_TIMEOUT);
        atLeast(maxResponseBytes, 1024, keyPrefix + ProviderConfig.MAX_RESPONSE_BYTES);
        atLeast(maxPages, 1, keyPrefix + ProviderConfig.MAX_PAGES);
        atLeast(maxTransactions, 1, keyPrefix + ProviderConfig.MAX_TRANSACTIONS);
        ConfigValues.requirePositive(readDeadline, keyPrefix + ProviderConfig.READ_DEADLINE);
    }

    /** The full name of one of the adapter's keys, e.g. {@code key("page-size")} is {@code cg.nrich.page-size}. */
    public String key(String name) {
        return keyPrefix + name;
    }

    /**
     * Before a listing reads another page: fails with {@link PagingLimitExceeded} once {@code pagesRead} pages have
     * been read and the listing still has not ended, naming the key that sets the limit.
     *
     * @param listing what is read, e.g. {@code nrich transactions}
     */
    public void requireAnotherPage(String listing, int pagesRead, int pageSize) {
        if (pagesRead >= maxPages) {
            throw new PagingLimitExceeded(listing + " did not end within " + maxPages + " pages of " + pageSize + " ("
                    + key(ProviderConfig.MAX_PAGES) + ")");
        }
    }

    /**
     * After a page of transactions: fails with {@link PagingLimitExceeded} once a read has {@code received} more
     * items than it may, naming the key that sets the limit.
     */
    public void requireTransactionsWithinLimit(String listing, long received) {
        if (received > maxTransactions) {
            throw new PagingLimitExceeded(listing + " exceeded " + maxTransactions + " items ("
                    + key(ProviderConfig.MAX_TRANSACTIONS) + ")");
        }
    }

    /** The base URI without a trailing slash, so that paths ({@code /rest/accounts}) append cleanly. */
    public URI normalisedBaseUri() {
        String text = baseUri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    @Override
    public String toString() {
        return "ProviderSettings[keyPrefix=" + keyPrefix + ", baseUri=" + baseUri + ", clientId=" + clientId
                + ", clientSecret=***, connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", maxResponseBytes=" + maxResponseBytes + ", maxPages=" + maxPages
                + ", maxTransactions=" + maxTransactions + ", readDeadline=" + readDeadline + "]";
    }

    private static void atLeast(long value, long least, String key) {
        if (value < least) {
            throw new IllegalArgumentException("configuration key " + key + " must be at least " + least + ", was " + value);
        }
    }

    private static void checkBaseUri(URI uri, String key) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("configuration key " + key + " must be an absolute http(s) URL with a host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("configuration key " + key
                    + " must not carry a query, a fragment or user info");
        }
    }
}
