package io.consentgateway.application.service;

import io.consentgateway.domain.flow.State;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SecureRandomStateGeneratorTest {
    final SecureRandomStateGenerator generator = new SecureRandomStateGenerator();
    final List<String> states = IntStream.range(0, 1_000).mapToObj(i -> generator.newState().value()).toList();

    @Test
    void aThousandStatesAreAllDistinct() {
        assertThat(states).doesNotHaveDuplicates();
    }

    @Test
    void everyStateCarriesAtLeast128RandomBits() {
        assertThat(states).allSatisfy(state -> assertThat(Base64.getUrlDecoder().decode(state)).hasSizeGreaterThanOrEqualTo(16));
    }

    @Test
    void noStateIsUuidShaped() {
        assertThat(states).noneMatch(state -> state.matches("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    }

    @Test
    void everyStateIsUrlSafeWithoutPadding() {
        assertThat(states).allMatch(state -> state.matches("[A-Za-z0-9_-]{22,}"));
    }

    @Test
    void everyStateSurvivesTheRoundTripThroughACallback() {
        assertThat(states).allSatisfy(state -> assertThat(State.of(state).value()).isEqualTo(state));
    }
}
