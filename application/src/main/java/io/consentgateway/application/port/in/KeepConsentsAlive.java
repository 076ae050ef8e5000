package io.consentgateway.application.port.in;

/**
 * Use case, the scheduler's entry: renew refresh tokens that are due, mark what is expiring or expired,
 * lapse abandoned flows. Safe to run on several nodes at once against one database.
 */
public interface KeepConsentsAlive {
    KeepAliveReport run(int batchSize);
}
