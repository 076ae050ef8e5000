package io.consentgateway.sandbox.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulators' clock: a base clock plus an offset that tests can only move forward.
 * Every lifetime in the sandbox is measured against this clock, so a test can "wait" 90 days
 * in a millisecond. Thread-safe.
 */
public final class SandboxClock extends Clock {

    /** The longest single jump allowed, to keep arithmetic far from overflow. */
    public static final Duration MAX_ADVANCE = Duration.ofDays(3650);

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public SandboxClock(Clock base) {
        this.base = base;
    }

    /** A clock following the system's UTC time. */
    public static SandboxClock system() {
        return new SandboxClock(Clock.systemUTC());
    }

    /** A clock standing still at {@code at} until it is advanced: for tests. */
    public static SandboxClock fixedAt(Instant at) {
        return new SandboxClock(Clock.fixed(at, ZoneOffset.UTC));
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    /** Today's date in UTC, as the simulators see it. */
    public LocalDate today() {
        return LocalDate.ofInstant(instant(), ZoneOffset.UTC);
    }

    /** Moves the clock forward; returns the new time. */
    public Instant advance(Duration by) {
        if (by.isNegative() || by.isZero() || by.compareTo(MAX_ADVANCE) > 0) {
            throw new IllegalArgumentException("the clock only moves forward, by 1 second to 3650 days");
        }
        offset.accumulateAndGet(by, Duration::plus);
        return instant();
    }

    /** How far the clock has been moved from its base. */
    public Duration offset() {
        return offset.get();
    }

    /** Back to the base clock. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the sandbox clock is always UTC");
    }
}
