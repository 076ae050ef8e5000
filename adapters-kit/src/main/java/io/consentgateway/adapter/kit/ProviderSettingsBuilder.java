package io.consentgateway.adapter.kit;

import java.net.URI;
import java.time.Duration;

/**
 * What every provider adapter's settings builder can be told: where the provider is, who the gateway is to it, how
 * long a call may take, and how much one read may bring. {@link ProviderConfig} fills these from MicroProfile Config;
 * each adapter's builder adds what only its provider has.
 *
 * @param <B> the adapter's own builder, returned by every method so that calls chain
 */
public interface ProviderSettingsBuilder<B extends ProviderSettingsBuilder<B>> {

    /** The provider's API root. */
    B baseUri(URI value);

    /** The client the provider registered the gateway as (HTTP Basic user name and password). */
    B client(String id, String secret);

    /** TCP connect timeout of every call. */
    B connectTimeout(Duration value);

    /** Read (socket) timeout of every call. */
    B readTimeout(Duration value);

    /** Items per page of a paged listing. */
    B pageSize(int value);

    /** Safety net: at most this many pages of one listing. */
    B maxPages(int value);

    /** Safety net: at most this many transaction items per read, all pages together. */
    B maxTransactions(int value);

    /** A whole read (all its pages, retries included) must end within this. */
    B readDeadline(Duration value);

    /** The most bytes read from one answer. */
    B maxResponseBytes(long value);
}
