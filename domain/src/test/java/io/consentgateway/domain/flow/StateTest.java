package io.consentgateway.domain.flow;

import io.consentgateway.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateTest {

    @Test
    void sixteenRandomBytesMakeA22CharacterUrlSafeState() {
        byte[] bytes = new byte[16];
        Arrays.fill(bytes, (byte) 0xFB); // encodes to '-' and '_' in URL-safe Base64

        State state = State.fromRandomBytes(bytes);

        assertThat(state.value()).hasSize(22).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void fewerThan128RandomBitsAreRefused() {
        assertThatThrownBy(() -> State.fromRandomBytes(new byte[15]))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("128");
    }

    @Test
    void aUuidIsNeverAcceptedAsState() {
        String uuid = UUID.randomUUID().toString();

        assertThatThrownBy(() -> State.of(uuid))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("UUID");
    }

    @Test
    void anUpperCaseUuidIsRefusedToo() {
        assertThatThrownBy(() -> State.of(UUID.randomUUID().toString().toUpperCase()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("UUID");
    }

    @Test
    void aValueShorterThan22CharactersIsRefused() {
        assertThatThrownBy(() -> State.of("a".repeat(21))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aValueLongerThan128CharactersIsRefused() {
        assertThatThrownBy(() -> State.of("a".repeat(129))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void nonUrlSafeCharactersAreRefused() {
        assertThatThrownBy(() -> State.of("abcdefghijklmnopqrstu+/=")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aBlankStateIsRefused() {
        assertThatThrownBy(() -> State.of("")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aStoredStateRoundTripsAndComparesByValue() {
        State original = State.fromRandomBytes(new byte[32]);

        assertThat(State.of(original.value())).isEqualTo(original).hasSameHashCodeAs(original);
        assertThat(State.of("b".repeat(22))).isNotEqualTo(State.of("c".repeat(22)));
    }

    @Test
    void aStatePrintsAsStars() {
        State state = State.of("abcdefghijklmnopqrstuvwxyz");

        assertThat(state.toString()).isEqualTo("State[***]").doesNotContain("abcdefghij");
    }
}
