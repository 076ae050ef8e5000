package io.consentgateway.application.service;

import io.consentgateway.application.port.out.StateGenerator;
import io.consentgateway.domain.flow.State;

import java.security.SecureRandom;

/** 256 bits from {@link SecureRandom} per state. */
public final class SecureRandomStateGenerator implements StateGenerator {
    private static final int BYTES = 32;
    private final SecureRandom random;

    public SecureRandomStateGenerator() {
        this(new SecureRandom());
    }

    public SecureRandomStateGenerator(SecureRandom random) {
        this.random = random;
    }

    @Override
    public State newState() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return State.fromRandomBytes(bytes);
    }
}
