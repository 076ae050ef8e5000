package io.consentgateway.application.service;

import io.consentgateway.application.testing.MutableClock;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.ProviderId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RefusalFuseTest {
    static final ProviderId BANK = new ProviderId("somebank");
    static final ProviderId OTHER = new ProviderId("other");
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    final RefusalFuse fuse = new RefusalFuse(2, Duration.ofMinutes(10), clock);

    @Test
    void itBlowsWhenMoreDistinctConsentsThanTheThresholdAreRefusedWithinTheWindow() {
        ConsentId same = ConsentId.random();
        fuse.refused(BANK, same);
        fuse.refused(BANK, same);
        fuse.refused(BANK, ConsentId.random());
        assertThat(fuse.blown()).as("two distinct consents are still the users' own").isEmpty();

        fuse.refused(BANK, ConsentId.random());

        assertThat(fuse.blown()).containsExactly(BANK);
        assertThat(fuse.allowsScheduledRefresh(BANK)).isFalse();
        assertThat(fuse.allowsScheduledRefresh(OTHER)).as("per provider").isTrue();
    }

    @Test
    void refusalsOlderThanTheWindowDoNotCount() {
        fuse.refused(BANK, ConsentId.random());
        fuse.refused(BANK, ConsentId.random());
        clock.advance(Duration.ofMinutes(11));

        fuse.refused(BANK, ConsentId.random());

        assertThat(fuse.blown()).isEmpty();
    }

    @Test
    void aBlownFuseLetsOneProbeThroughPerWindowAndASuccessResetsIt() {
        for (int i = 0; i < 3; i++) {
            fuse.refused(BANK, ConsentId.random());
        }
        assertThat(fuse.allowsScheduledRefresh(BANK)).isFalse();

        clock.advance(Duration.ofMinutes(10));
        assertThat(fuse.allowsScheduledRefresh(BANK)).as("the probe").isTrue();
        assertThat(fuse.allowsScheduledRefresh(BANK)).as("only one per window").isFalse();

        fuse.succeeded(BANK);
        assertThat(fuse.blown()).isEmpty();
        assertThat(fuse.allowsScheduledRefresh(BANK)).isTrue();
    }
}
