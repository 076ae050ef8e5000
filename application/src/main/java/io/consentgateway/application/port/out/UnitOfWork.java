package io.consentgateway.application.port.out;

import java.util.function.Supplier;

/**
 * Runs work atomically (JDBI {@code inTransaction} in production). Never hold one open across a provider
 * call, except the short per-consent refresh lock of the refresh protocol.
 */
public interface UnitOfWork {
    <T> T inTransaction(Supplier<T> work);
}
