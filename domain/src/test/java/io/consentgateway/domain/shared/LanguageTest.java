package io.consentgateway.domain.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LanguageTest {

    @Test
    void defaultIsGerman() {
        assertThat(Language.DEFAULT).isEqualTo(Language.DE);
        assertThat(Language.DEFAULT.code()).isEqualTo("de");
    }

    @Test
    void theProvidersFiveLanguagesHaveLowerCaseCodes() {
        assertThat(Language.values()).extracting(Language::code).containsExactly("de", "en", "es", "fr", "ar");
    }

    @Test
    void codesAreParsedCaseInsensitively() {
        assertThat(Language.fromCode("EN")).isEqualTo(Language.EN);
        assertThat(Language.fromCode(" ar ")).isEqualTo(Language.AR);
    }

    @Test
    void anUnknownLanguageIsRejectedListingTheKnownOnes() {
        assertThatThrownBy(() -> Language.fromCode("it"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("de, en, es, fr, ar");
    }
}
