package io.consentgateway.adapter.kit;

import io.consentgateway.application.port.out.ProviderUnavailable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One read that walks a provider's pages, bounded as a whole: it must finish within its deadline, and a page that fails
 * with an unavailable provider is fetched again on its own (up to {@link #RETRIES_PER_PAGE} times), never by starting
 * the walk again from page one. A provider asking to back off ({@link ProviderBusy}) is not retried: the caller waits.
 * When the deadline passes the read fails as unavailable (the API answers 503), whatever page it was on.
 */
public final class PagedRead {
    public static final int RETRIES_PER_PAGE = 2;
    private static final Duration RETRY_DELAY = Duration.ofMillis(500);

    private final String what;
    private final Duration budget;
    private final Instant deadline;
    private final Clock clock;

    private PagedRead(String what, Duration budget, Clock clock) {
        this.what = what;
        this.budget = budget;
        this.clock = clock;
        this.deadline = clock.instant().plus(budget);
    }

    /** Starts a read of {@code what} (named in messages, e.g. "nrich transactions") that must end within {@code budget}. */
    public static PagedRead start(String what, Duration budget, Clock clock) {
        return new PagedRead(what, budget, clock);
    }

    /** Fetches one page: retried on its own while the provider is unavailable and the deadline allows. */
    public <T> T page(Supplier<T> fetch) {
        for (int attempt = 0; ; attempt++) {
            checkDeadline();
            try {
                return fetch.get();
            } catch (ProviderBusy busy) {
                throw busy;
            } catch (ProviderUnavailable unavailable) {
                if (attempt >= RETRIES_PER_PAGE) {
                    throw unavailable;
                }
                pause(RETRY_DELAY.multipliedBy(attempt + 1L));
            }
        }
    }

    /** Fails when the read's time is up; called before every page (and by the caller between its own steps). */
    public void checkDeadline() {
        if (!clock.instant().isBefore(deadline)) {
            throw new ProviderUnavailable(what + " did not complete within " + budget, Optional.empty(), true, null);
        }
    }

    private void pause(Duration wanted) {
        Duration left = Duration.between(clock.instant(), deadline);
        Duration wait = wanted.compareTo(left) < 0 ? wanted : left;
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable(what + " was interrupted", Optional.empty(), true, null);
        }
    }
}
