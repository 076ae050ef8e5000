package io.consentgateway.sandbox.web;

/** The latency a fault rule asks for: the answering thread waits it out (an interrupt ends the wait early). */
final class InjectedLatency {
    private InjectedLatency() {
    }

    static void waitOut(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
