package io.consentgateway.application.service;

import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.StoreUnavailable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting one's turn: a call that certainly did nothing is made again, after growing pauses with jitter, until it is
 * taken or the patience is spent; then the last refusal is thrown.
 * <ul>
 *   <li>At a provider ({@link #call}): a call that never left ({@code requestMayHaveBeenProcessed() == false}: too many
 *       calls in flight, the provider's circuit open, the provider unreachable, a 429/503 refusal), waiting at least
 *       the provider's own {@code Retry-After}. A call that may have reached the provider is never repeated here.</li>
 *   <li>At the gateway's own store ({@link #whileStoreAway}): work whose transaction failed because the database was
 *       out of reach ({@link StoreUnavailable}: nothing was written).</li>
 * </ul>
 */
final class Patience {
    private static final Duration FIRST_PAUSE = Duration.ofMillis(50);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);
    /** However long the patience, and however the clock goes, never more attempts than this. */
    private static final int MOST_ATTEMPTS = 30;

    private final Duration patience;
    private final Clock clock;
    private final Duration firstPause;
    private final Duration longestPause;

    Patience(Duration patience, Clock clock) {
        this(patience, clock, FIRST_PAUSE, LONGEST_PAUSE);
    }

    Patience(Duration patience, Clock clock, Duration firstPause, Duration longestPause) {
        this.patience = patience;
        this.clock = clock;
        this.firstPause = firstPause;
        this.longestPause = longestPause;
    }

    /**
     * Makes {@code call}, again while it was not sent, the patience lasts and {@code worthWaitingUntil} holds for the
     * instant the next attempt would be made (e.g. a code still valid then).
     */
    <T> T call(Supplier<T> call, Predicate<Instant> worthWaitingUntil) {
        return retrying(call, ProviderUnavailable.class, unavailable -> !unavailable.requestMayHaveBeenProcessed(),
                ProviderUnavailable::retryAfter, worthWaitingUntil);
    }

    /** Runs {@code work} (a transaction), again while the store is out of reach and the patience lasts. */
    <T> T whileStoreAway(Supplier<T> work) {
        return retrying(work, StoreUnavailable.class, away -> true, away -> Optional.empty(), next -> true);
    }

    /**
     * Makes {@code call}, again after a failure of type {@code refusal} that {@code didNothing} says left nothing
     * behind, waiting the growing pause or the wait the refusal asks for, whichever is longer.
     */
    private <T, R extends RuntimeException> T retrying(Supplier<T> call, Class<R> refusal, Predicate<R> didNothing,
                                                       Function<R, Optional<Duration>> askedWait,
                                                       Predicate<Instant> worthWaitingUntil) {
        Instant giveUpAt = clock.instant().plus(patience);
        Duration pause = firstPause;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException failure) {
                if (!refusal.isInstance(failure) || !didNothing.test(refusal.cast(failure))) {
                    throw failure;
                }
                Duration ownPause = pause;
                Duration wait = askedWait.apply(refusal.cast(failure)).filter(asked -> asked.compareTo(ownPause) > 0)
                        .orElse(ownPause);
                Instant next = clock.instant().plus(wait);
                if (attempt >= MOST_ATTEMPTS || !next.isBefore(giveUpAt) || !worthWaitingUntil.test(next)) {
                    throw failure;
                }
                sleep(wait.plusMillis(ThreadLocalRandom.current().nextLong(wait.toMillis() / 2 + 1)), failure);
                pause = pause.multipliedBy(2).compareTo(longestPause) > 0 ? longestPause : pause.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration pause, RuntimeException refusal) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw refusal;
        }
    }
}
