package io.consentgateway.bootstrap.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The providers that currently refuse this gateway itself (a rotated client secret, a refused certificate, a wrong
 * URL): an operator's matter that never costs a user a consent. Each is logged once per {@code logInterval} per
 * provider, however many consents meet it, reported by the readiness check {@code provider-configuration}, and
 * forgotten at the provider's next successful call.
 */
public final class ConfigurationFaults {
    private static final Logger LOG = Logger.getLogger(ConfigurationFaults.class.getName());

    private final Duration logInterval;
    private final Clock clock;
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();

    /** The latest fault of one provider: what it said (never a secret) and when it was last logged. */
    public record Fault(String message, Instant firstSeen, Instant lastLogged) {
    }

    public ConfigurationFaults(Duration logInterval, Clock clock) {
        this.logInterval = logInterval;
        this.clock = clock;
    }

    /** A call to {@code provider} was refused as a configuration fault; logs unless logged within the interval. */
    public void refused(String provider, String operation, String message) {
        Instant now = clock.instant();
        faults.compute(provider, (p, before) -> {
            if (before != null && now.isBefore(before.lastLogged().plus(logInterval))) {
                return new Fault(message, before.firstSeen(), before.lastLogged());
            }
            LOG.severe(() -> "Provider " + p + " refuses this gateway (" + operation + "): " + message
                    + ". Consents are left as they are; fix the configuration. Logged at most every " + logInterval + ".");
            return new Fault(message, before == null ? now : before.firstSeen(), now);
        });
    }

    /** A call to {@code provider} succeeded: its configuration works (again). */
    public void succeeded(String provider) {
        if (faults.remove(provider) != null) {
            LOG.info(() -> "Provider " + provider + " accepts this gateway again");
        }
    }

    /** The current faults by provider. */
    public Map<String, Fault> current() {
        return new TreeMap<>(faults);
    }
}
