package io.consentgateway.adapter.kit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigValuesTest {

    @Test
    void durationsAreIsoInAnyCaseOrMilliseconds() {
        assertThat(ConfigValues.duration("pt5s", "k")).isEqualTo(Duration.ofSeconds(5));
        assertThat(ConfigValues.duration("1500", "k")).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void aBadValueNamesTheKeyButNeverEchoesTheValue() {
        assertThatThrownBy(() -> ConfigValues.duration("five-secret", "cg.x.read-timeout"))
                .hasMessageContaining("cg.x.read-timeout").hasMessageNotContaining("five-secret");
        assertThatThrownBy(() -> ConfigValues.integer("lots", "cg.x.page-size")).hasMessageContaining("cg.x.page-size");
        assertThatThrownBy(() -> ConfigValues.bool("yes", "cg.x.flag")).hasMessageContaining("cg.x.flag");
        assertThatThrownBy(() -> ConfigValues.enumValue(ChronoUnit.class, "AEONS", "cg.x.unit"))
                .hasMessageContaining("cg.x.unit");
        assertThatThrownBy(() -> ConfigValues.requireText(" ", "cg.x.client-id")).hasMessageContaining("cg.x.client-id");
        assertThatThrownBy(() -> ConfigValues.requirePositive(Duration.ZERO, "cg.x.timeout")).hasMessageContaining("cg.x.timeout");
    }

    @Test
    void enumsAndFlagsAreReadInAnyCase() {
        assertThat(ConfigValues.enumValue(ChronoUnit.class, "days", "k")).isEqualTo(ChronoUnit.DAYS);
        assertThat(ConfigValues.bool("TRUE", "k")).isTrue();
    }
}
