package io.consentgateway.domain.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodsTest {

    @Test
    void syncPeriodDefaultsTo90Days() {
        assertThat(SyncPeriod.DEFAULT.days()).isEqualTo(90);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 90, 730})
    void syncPeriodAcceptsOneTo730Days(int days) {
        assertThat(new SyncPeriod(days).days()).isEqualTo(days);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 731})
    void syncPeriodOutsideOneTo730DaysIsRejected(int days) {
        assertThatThrownBy(() -> new SyncPeriod(days))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("1..730");
    }

    @Test
    void reportingPeriodDefaultsTo12Months() {
        assertThat(ReportingPeriod.DEFAULT.months()).isEqualTo(12);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 12, 24})
    void reportingPeriodAcceptsFourMonthsAndMore(int months) {
        assertThat(new ReportingPeriod(months).months()).isEqualTo(months);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 25})
    void reportingPeriodBelowFourMonthsOrAboveTheMaximumIsRejected(int months) {
        assertThatThrownBy(() -> new ReportingPeriod(months)).isInstanceOf(InvalidValueException.class);
    }
}
