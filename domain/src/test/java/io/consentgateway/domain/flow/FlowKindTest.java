package io.consentgateway.domain.flow;

import io.consentgateway.domain.consent.ConsentKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class FlowKindTest {
    @Test
    void eachKindOfFlowYieldsTheConsentItAskedFor() {
        assertThat(FlowKind.ONGOING_ACCESS.yields()).isEqualTo(ConsentKind.ONGOING_ACCESS);
        assertThat(FlowKind.ONE_TIME_ACCESS.yields()).isEqualTo(ConsentKind.ONE_TIME_ACCESS);
        assertThat(FlowKind.INCOME_REPORT.yields()).isEqualTo(ConsentKind.INCOME_REPORT);
    }

    /** Stored values and the API's JSON are the names: a flow's kind and its consent's read the same. */
    @ParameterizedTest
    @EnumSource(FlowKind.class)
    void aConsentKindIsNamedAndOngoingLikeTheFlowKindThatYieldsIt(FlowKind kind) {
        assertThat(kind.yields().name()).isEqualTo(kind.name());
        assertThat(kind.yields().isOngoing()).isEqualTo(kind.isOngoing());
    }

    @Test
    void everyConsentKindIsYieldedByAFlowKind() {
        assertThat(FlowKind.values()).extracting(FlowKind::yields).containsExactlyInAnyOrder(ConsentKind.values());
    }
}
