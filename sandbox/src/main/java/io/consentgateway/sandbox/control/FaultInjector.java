package io.consentgateway.sandbox.control;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/** The active faults. The first rule matching a request (and winning its rate draw) applies. Thread-safe. */
public final class FaultInjector {

    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private final DoubleSupplier random;

    public FaultInjector() {
        this(() -> ThreadLocalRandom.current().nextDouble());
    }

    /** With a chosen random source, for tests of {@code rate}. */
    public FaultInjector(DoubleSupplier random) {
        this.random = random;
    }

    public void add(FaultRule rule) {
        rules.add(rule);
    }

    public List<FaultRule> rules() {
        return List.copyOf(rules);
    }

    public void clear() {
        rules.clear();
    }

    /** The fault to apply to a request, if any. */
    public Optional<FaultRule> match(String provider, String relativePath) {
        for (FaultRule rule : rules) {
            if (rule.matches(provider, relativePath) && (rule.rate() >= 1.0 || random.getAsDouble() < rule.rate())) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
