package io.consentgateway.domain.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountReferenceTest {

    @Test
    void aValidIbanBecomesAnIbanReferenceInElectronicForm() {
        AccountReference ref = AccountReference.parse("DE89 3704 0044 0532 0130 00");

        assertThat(ref.value()).isEqualTo("DE89370400440532013000");
        assertThat(ref.iban()).contains(new Iban("DE89370400440532013000"));
    }

    @Test
    void anIbanShapedValueWithWrongCheckDigitsIsAnErrorNotAnotherIdentifier() {
        assertThatThrownBy(() -> AccountReference.parse("DE88370400440532013000"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("check digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0532013000", "4111 1111 1111 1111", "123-456/78.9"})
    void accountNumbersAndCardNumbersAreAccepted(String text) {
        AccountReference ref = AccountReference.parse(text);

        assertThat(ref.value()).isEqualTo(text);
        assertThat(ref.iban()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>", "acc\nount", "-starts-with-dash"})
    void otherIdentifiersWithForbiddenCharactersAreRejected(String text) {
        assertThatThrownBy(() -> AccountReference.parse(text)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void anIdentifierLongerThan64CharactersIsRejected() {
        assertThatThrownBy(() -> AccountReference.parse("1".repeat(65))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void referencesAreEqualByValue() {
        assertThat(AccountReference.parse("DE89370400440532013000"))
                .isEqualTo(AccountReference.of(Iban.parse("DE89 3704 0044 0532 0130 00")));
    }
}
