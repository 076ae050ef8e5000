package io.consentgateway.application.service;

import io.consentgateway.application.port.out.ProviderUnavailable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting one's turn at a provider: a call that certainly never left ({@code requestMayHaveBeenProcessed() == false}:
 * too many calls in flight, the provider's circuit open, the provider unreachable, a 429/503 refusal) is made again,
 * after growing pauses with jitter (and at least the provider's own {@code Retry-After}), until it is taken or the
 * patience is spent; then the last refusal is thrown. A call that may have reached the provider is never repeated here.
 */
final class Patience {
    private static final Duration FIRST_PAUSE = Duration.ofMillis(50);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);
    /** However long the patience, and however the clock goes, never more attempts than this. */
    private static final int MOST_ATTEMPTS = 30;

    private final Duration patience;
    private final Clock clock;

    Patience(Duration patience, Clock clock) {
        this.patience = patience;
        this.clock = clock;
    }

    /**
     * Makes {@code call}, again while it was not sent, the patience lasts and {@code worthWaitingUntil} holds for the
     * instant the next attempt would be made (e.g. a code still valid then).
     */
    <T> T call(Supplier<T> call, Predicate<Instant> worthWaitingUntil) {
        Instant giveUpAt = clock.instant().plus(patience);
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (ProviderUnavailable unavailable) {
                if (unavailable.requestMayHaveBeenProcessed()) {
                    throw unavailable;
                }
                Duration ownPause = pause;
                Duration wait = unavailable.retryAfter().filter(asked -> asked.compareTo(ownPause) > 0).orElse(ownPause);
                Instant next = clock.instant().plus(wait);
                if (attempt >= MOST_ATTEMPTS || !next.isBefore(giveUpAt) || !worthWaitingUntil.test(next)) {
                    throw unavailable;
                }
                sleep(wait.plusMillis(ThreadLocalRandom.current().nextLong(wait.toMillis() / 2 + 1)), unavailable);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration pause, ProviderUnavailable refusal) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw refusal;
        }
    }
}
