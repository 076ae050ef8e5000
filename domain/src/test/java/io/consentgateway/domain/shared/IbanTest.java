package io.consentgateway.domain.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IbanTest {

    @ParameterizedTest
    @ValueSource(strings = {"DE89370400440532013000", "GB82WEST12345698765432", "SK3112000000198742637541"})
    void validIbansAreAccepted(String text) {
        assertThat(new Iban(text).value()).isEqualTo(text);
    }

    @Test
    void countryCodeIsTheFirstTwoLetters() {
        assertThat(Iban.parse("SK3112000000198742637541").countryCode()).isEqualTo("SK");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE88370400440532013000", "GB82WEST12345698765431", "SK3212000000198742637541"})
    void wrongCheckDigitsAreRejected(String text) {
        assertThatThrownBy(() -> Iban.parse(text))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("check digits");
    }

    @Test
    void aGermanIbanOfTheWrongLengthIsRejected() {
        assertThatThrownBy(() -> Iban.parse("DE8937040044053201300"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("DE must have 22 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1E89370400440532013000", "DEXX370400440532013000", "DE89", "DE89-3704-0044-0532-0130-00",
            "DE8937040044053201300012345678901234567"})
    void badlyShapedIbansAreRejected(String text) {
        assertThatThrownBy(() -> Iban.parse(text))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("IBAN must be");
    }

    @Test
    void blankIbanIsRejected() {
        assertThatThrownBy(() -> Iban.parse("  ")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void printedFormWithSpacesIsAcceptedAndStoredElectronically() {
        assertThat(Iban.parse("DE89 3704 0044 0532 0130 00").value()).isEqualTo("DE89370400440532013000");
    }

    @Test
    void lowerCaseIsAcceptedAndStoredUpperCase() {
        assertThat(Iban.parse("gb82 west 1234 5698 7654 32").value()).isEqualTo("GB82WEST12345698765432");
    }

    @Test
    void theConstructorTakesOnlyTheElectronicForm() {
        assertThatThrownBy(() -> new Iban("DE89 3704 0044 0532 0130 00")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void looksLikeIbanIgnoresCheckDigits() {
        assertThat(Iban.looksLikeIban("DE88370400440532013000")).isTrue();
        assertThat(Iban.looksLikeIban("0532013000")).isFalse();
    }
}
