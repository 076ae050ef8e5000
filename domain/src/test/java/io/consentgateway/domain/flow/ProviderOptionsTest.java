package io.consentgateway.domain.flow;

import io.consentgateway.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProviderOptionsTest {

    @Test
    void textsFlagsAndListsReadBackAsTheyWereWritten() {
        ProviderOptions options = ProviderOptions.NONE.with("trackingId", "t-1").withFlag("saveSecrets", true)
                .withTexts("accountTypes", List.of("Giro account", "Savings, with comma"));

        assertThat(options.text("trackingId")).contains("t-1");
        assertThat(options.flag("saveSecrets")).contains(true);
        assertThat(options.texts("accountTypes")).containsExactly("Giro account", "Savings, with comma");
        assertThat(options.texts("absent")).isEmpty();
        assertThat(options.flag("absent")).isEmpty();
    }

    @Test
    void anEmptyListReadsBackEmpty() {
        assertThat(ProviderOptions.NONE.withTexts("accountTypes", List.of()).texts("accountTypes")).isEmpty();
    }

    @Test
    void aListItemWithAControlCharacterIsRejected() {
        assertThatThrownBy(() -> ProviderOptions.NONE.withTexts("types", List.of("a\nb")))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void namesAreIdentifiers() {
        assertThatThrownBy(() -> ProviderOptions.of(Map.of("a b", "x"))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ProviderOptions.of(Map.of("", "x"))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void printsNamesButNoValues() {
        assertThat(ProviderOptions.NONE.with("trackingId", "private-ref").toString())
                .contains("trackingId").doesNotContain("private-ref");
    }

    @Test
    void isAValueByContent() {
        assertThat(ProviderOptions.NONE.with("a", "1")).isEqualTo(ProviderOptions.of(Map.of("a", "1")));
    }
}
