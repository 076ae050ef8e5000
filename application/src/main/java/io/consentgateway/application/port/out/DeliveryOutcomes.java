package io.consentgateway.application.port.out;

/** Where the outcome of each webhook attempt is counted (the metrics). */
public interface DeliveryOutcomes {
    DeliveryOutcomes NONE = (endpoint, outcome) -> { };

    void count(String endpoint, Outcome outcome);

    enum Outcome {
        /** The endpoint took it. */
        SENT,
        /** It was not taken and is due again later. */
        RETRIED,
        /** It was not taken the last time: given up. */
        FAILED
    }
}
