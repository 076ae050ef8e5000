package io.consentgateway.application.port.in;

/** What one run of {@link KeepConsentsAlive} did. */
public record KeepAliveReport(int claimed, int refreshed, int reauthRequired, int expiringSoon, int expired,
                              int deferred, int flowsLapsed) {
}
