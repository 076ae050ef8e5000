package io.consentgateway.domain.shared;

import io.consentgateway.domain.flow.FlowId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueObjectsTest {

    @Test
    void userIdRejectsBlankOverlongAndControlCharacters() {
        assertThatThrownBy(() -> new UserId(" ")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new UserId("u".repeat(129))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new UserId("alice\r\nX-Injected: 1")).isInstanceOf(InvalidValueException.class);
        assertThat(new UserId("alice@example.com").toString()).isEqualTo("alice@example.com");
    }

    @Test
    void providerIdIsALowerCaseSlug() {
        assertThat(new ProviderId("nrich")).isEqualTo(new ProviderId("nrich"));
        assertThatThrownBy(() -> new ProviderId("NRICH")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new ProviderId("n")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void idsMustBeUuids() {
        assertThatThrownBy(() -> ConsentId.parse("42")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> FlowId.parse("not-a-uuid")).isInstanceOf(InvalidValueException.class);
        ConsentId id = ConsentId.random();
        assertThat(ConsentId.parse(id.toString())).isEqualTo(id);
    }

    @Test
    void anOptionalComponentIsNeverNullAndANullOneIsNamedByItsPlace() {
        java.util.Optional<String> absent = java.util.Optional.empty();

        Require.optionals("example", absent, java.util.Optional.of("x"));
        assertThatThrownBy(() -> Require.optionals("example", absent, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("optional value 2 of example is null (an absent one is Optional.empty())");
    }
}
