package io.consentgateway.adapter.kit;

import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.util.concurrent.TimeUnit;

/**
 * How every provider adapter builds its MicroProfile Rest Clients: programmatically (so the same code runs on Liberty and
 * in plain tests), with its timeouts, no redirects followed, MicroProfile's default error mapper off in favour of the
 * adapter's own {@link ProviderErrorMapper}, and a cap on the size of an answer ({@link ResponseSizeLimit}). The
 * adapter adds what is its own (client authentication, request headers) and builds its interface.
 */
public final class ProviderClients {

    private ProviderClients() {
    }

    /** A builder for the provider at {@code settings}' base URI (no trailing slash), with its timeouts and answer cap. */
    public static RestClientBuilder builder(ProviderSettings settings, ProviderErrorMapper errors) {
        return RestClientBuilder.newBuilder()
                .baseUri(settings.normalisedBaseUri())
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .property("microprofile.rest.client.disable.default.mapper", Boolean.TRUE)
                // RESTEasy (tests) would otherwise use a single-connection manager; Liberty ignores these.
                .property("resteasy.connectionPoolSize", 50)
                .property("resteasy.maxPooledPerRoute", 50)
                .register(errors)
                .register(new ResponseSizeLimit(settings.maxResponseBytes()));
    }
}
