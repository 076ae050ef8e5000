package io.consentgateway.adapter.kit;

import java.net.URI;
import java.time.Duration;

/**
 * The part of every provider adapter's settings builder that sets what every provider has ({@link ProviderSettings}),
 * starting from the defaults: the sandbox's URL and demo client the adapter names, its page size and page limit, and
 * the kit's timeouts and limits. {@link ProviderConfig} fills it from MicroProfile Config; tests and tools set what
 * they need ({@code NrichSettings.builder().pageSize(2).maxPages(100).build()}). The adapter's builder extends it with
 * what only its provider has, and builds its record from {@link #common()} and {@link #pageSize()}.
 *
 * @param <B> the adapter's own builder, returned by every setter so that calls chain
 */
public abstract class ProviderSettingsBuilder<B extends ProviderSettingsBuilder<B>> {

    private final String keyPrefix;
    private final ProviderConfig.Sandbox sandbox;
    private URI baseUri;
    private String clientId;
    private String clientSecret;
    private Duration connectTimeout = ProviderSettings.DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = ProviderSettings.DEFAULT_READ_TIMEOUT;
    private long maxResponseBytes = ProviderSettings.DEFAULT_MAX_RESPONSE_BYTES;
    private int pageSize;
    private int maxPages;
    private int maxTransactions = ProviderSettings.DEFAULT_MAX_TRANSACTIONS;
    private Duration readDeadline = ProviderSettings.DEFAULT_READ_DEADLINE;

    /**
     * @param keyPrefix the adapter's configuration prefix with its dot, e.g. {@code cg.nrich.}
     * @param sandbox   the defaults that point at the bundled sandbox (refused in production)
     * @param pageSize  the adapter's default page size
     * @param maxPages  the adapter's default page limit
     */
    protected ProviderSettingsBuilder(String keyPrefix, ProviderConfig.Sandbox sandbox, int pageSize, int maxPages) {
        this.keyPrefix = keyPrefix;
        this.sandbox = sandbox;
        this.baseUri = sandbox.baseUri();
        this.clientId = sandbox.clientId();
        this.clientSecret = sandbox.clientSecret();
        this.pageSize = pageSize;
        this.maxPages = maxPages;
    }

    public B baseUri(URI value) { baseUri = value; return self(); }
    public B client(String id, String secret) { clientId = id; clientSecret = secret; return self(); }
    public B connectTimeout(Duration value) { connectTimeout = value; return self(); }
    public B readTimeout(Duration value) { readTimeout = value; return self(); }
    public B maxResponseBytes(long value) { maxResponseBytes = value; return self(); }
    public B pageSize(int value) { pageSize = value; return self(); }
    public B maxPages(int value) { maxPages = value; return self(); }
    public B maxTransactions(int value) { maxTransactions = value; return self(); }
    public B readDeadline(Duration value) { readDeadline = value; return self(); }

    /** These values set again, from settings an adapter already has (its {@code toBuilder()}). */
    public B from(ProviderSettings settings) {
        return baseUri(settings.baseUri()).client(settings.clientId(), settings.clientSecret())
                .connectTimeout(settings.connectTimeout()).readTimeout(settings.readTimeout())
                .maxResponseBytes(settings.maxResponseBytes()).maxPages(settings.maxPages())
                .maxTransactions(settings.maxTransactions()).readDeadline(settings.readDeadline());
    }

    /** The adapter's configuration prefix with its dot, e.g. {@code cg.nrich.}. */
    public String keyPrefix() {
        return keyPrefix;
    }

    /** The defaults that point at the bundled sandbox, which a production deployment refuses. */
    public ProviderConfig.Sandbox sandbox() {
        return sandbox;
    }

    /** The values every provider has, checked: a bad one is an {@link IllegalArgumentException} naming its key. */
    protected ProviderSettings common() {
        return new ProviderSettings(keyPrefix, baseUri, clientId, clientSecret, connectTimeout, readTimeout,
                maxResponseBytes, maxPages, maxTransactions, readDeadline);
    }

    /** The page size set; the adapter checks it against its provider's rule. */
    protected int pageSize() {
        return pageSize;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
