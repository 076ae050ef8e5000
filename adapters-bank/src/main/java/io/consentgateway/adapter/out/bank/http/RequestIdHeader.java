package io.consentgateway.adapter.out.bank.http;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

import java.util.UUID;

/**
 * Adds {@code Request-ID: <random UUID>} to every request of the client it is registered on: the bank's Accounts API
 * refuses a call without one (400) and echoes it, so each call is traceable on both sides. A retry is a new request and
 * gets a new id.
 */
public final class RequestIdHeader implements ClientRequestFilter {
    public static final String NAME = "Request-ID";

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(NAME, UUID.randomUUID().toString());
    }
}
