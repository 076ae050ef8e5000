package io.consentgateway.adapter.kit;

import io.consentgateway.application.port.out.ProviderUnavailable;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterAndStatusTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDateAndAPastDateMeansNow() {
        assertThat(RetryAfter.parse("120", CLOCK)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Mon, 02 Mar 2026 08:01:30 GMT", CLOCK)).contains(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Mon, 02 Mar 2026 07:00:00 GMT", CLOCK)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", CLOCK)).isEmpty();
        assertThat(RetryAfter.parse(null, CLOCK)).isEmpty();
    }

    @Test
    void a503AskingForARealWaitIsBusyAndOneAskingForNothingIsPlainUnavailable() {
        assertThat(UnavailableStatus.of(503, "x", "60", CLOCK)).get().isInstanceOf(ProviderBusy.class)
                .satisfies(e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(60)));
        assertThat(UnavailableStatus.of(503, "x", "0", CLOCK)).get().isNotInstanceOf(ProviderBusy.class);
        assertThat(UnavailableStatus.of(429, "x", null, CLOCK)).get().isInstanceOf(ProviderBusy.class);
    }

    @Test
    void a429OrA503SaysTheRequestWasNotHandledSoNothingIsInDoubt() {
        for (String retryAfter : new String[] {null, "0", "60"}) {
            assertThat(UnavailableStatus.of(503, "x", retryAfter, CLOCK).orElseThrow().requestMayHaveBeenProcessed()).isFalse();
            assertThat(UnavailableStatus.of(429, "x", retryAfter, CLOCK).orElseThrow().requestMayHaveBeenProcessed()).isFalse();
        }
    }

    @Test
    void serverErrorsTimeoutsAndRedirectsAreUnavailableInDoubtAndOtherClientErrorsAreTheAdaptersToClassify() {
        for (int status : new int[] {500, 502, 408, 302}) {
            ProviderUnavailable e = UnavailableStatus.of(status, "x", null, CLOCK).orElseThrow();
            assertThat(e.requestMayHaveBeenProcessed()).isTrue();
        }
        for (int status : new int[] {400, 401, 403, 404, 422}) {
            assertThat(UnavailableStatus.of(status, "x", null, CLOCK)).isEmpty();
        }
    }
}
