package io.consentgateway.adapter.kit;

import io.consentgateway.application.port.out.ProviderUnavailable;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagedReadTest {

    /** A clock that moves only when told. */
    static final class StepClock extends Clock {
        Instant now = Instant.parse("2026-03-02T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aFailingPageIsFetchedAgainOnItsOwn() {
        PagedRead read = PagedRead.start("test read", Duration.ofSeconds(20), new StepClock());
        AtomicInteger calls = new AtomicInteger();

        String page = read.page(() -> {
            if (calls.incrementAndGet() < 2) {
                throw new ProviderUnavailable("500");
            }
            return "page 2";
        });

        assertThat(page).isEqualTo("page 2");
        assertThat(calls).hasValue(2);
    }

    @Test
    void aPageIsRetriedABoundedNumberOfTimes() {
        PagedRead read = PagedRead.start("test read", Duration.ofSeconds(20), new StepClock());
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> read.page(() -> {
            calls.incrementAndGet();
            throw new ProviderUnavailable("500");
        })).isInstanceOf(ProviderUnavailable.class);
        assertThat(calls).hasValue(1 + PagedRead.RETRIES_PER_PAGE);
    }

    @Test
    void aProviderAskingToBackOffIsNotRetried() {
        PagedRead read = PagedRead.start("test read", Duration.ofSeconds(20), new StepClock());
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> read.page(() -> {
            calls.incrementAndGet();
            throw new ProviderBusy("429", Optional.of(Duration.ofMinutes(1)));
        })).isInstanceOf(ProviderBusy.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aReadPastItsDeadlineFailsAsUnavailableNamingTheBudget() {
        StepClock clock = new StepClock();
        PagedRead read = PagedRead.start("nrich transactions", Duration.ofSeconds(20), clock);
        read.page(() -> "page 1");
        clock.now = clock.now.plusSeconds(21);

        assertThatThrownBy(() -> read.page(() -> "page 2")).isInstanceOf(ProviderUnavailable.class)
                .hasMessageContaining("nrich transactions").hasMessageContaining("PT20S");
    }
}
