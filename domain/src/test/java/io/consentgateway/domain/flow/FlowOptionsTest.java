package io.consentgateway.domain.flow;

import io.consentgateway.domain.shared.AccountReference;
import io.consentgateway.domain.shared.InvalidValueException;
import io.consentgateway.domain.shared.Language;
import io.consentgateway.domain.shared.ReportingPeriod;
import io.consentgateway.domain.shared.SyncPeriod;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlowOptionsTest {

    @Test
    void accessFlowsDefaultToGerman90DaysAndNoProviderOptions() {
        FlowOptions options = FlowOptions.defaultsFor(FlowKind.ONGOING_ACCESS);

        assertThat(options.language()).isEqualTo(Language.DE);
        assertThat(options.providerOptions().isEmpty()).isTrue();
        assertThat(options.syncPeriod()).contains(new SyncPeriod(90));
        assertThat(options.reportingPeriod()).isEmpty();
    }

    @Test
    void anIncomeReportDefaultsTo12MonthsAndNoSyncPeriod() {
        FlowOptions options = FlowOptions.defaultsFor(FlowKind.INCOME_REPORT);

        assertThat(options.reportingPeriod()).contains(new ReportingPeriod(12));
        assertThat(options.syncPeriod()).isEmpty();
    }

    @Test
    void forKindFillsIn90DaysForAnAccessFlowWithoutSyncPeriod() {
        FlowOptions bare = options(Optional.empty(), Optional.empty());

        assertThat(bare.forKind(FlowKind.ONE_TIME_ACCESS).syncPeriod()).contains(SyncPeriod.DEFAULT);
    }

    @Test
    void forKindFills12MonthsForAnIncomeReportWithNeitherPeriod() {
        FlowOptions bare = options(Optional.empty(), Optional.empty());

        assertThat(bare.forKind(FlowKind.INCOME_REPORT).reportingPeriod()).contains(ReportingPeriod.DEFAULT);
    }

    @Test
    void anIncomeReportKeepsAnExplicitSyncPeriodInsteadOfAReportingPeriod() {
        FlowOptions options = options(Optional.of(new SyncPeriod(180)), Optional.empty()).forKind(FlowKind.INCOME_REPORT);

        assertThat(options.syncPeriod()).contains(new SyncPeriod(180));
        assertThat(options.reportingPeriod()).isEmpty();
    }

    @Test
    void aReportingPeriodOnAnAccessFlowIsRejected() {
        FlowOptions withReporting = options(Optional.empty(), Optional.of(new ReportingPeriod(6)));

        assertThatThrownBy(() -> withReporting.forKind(FlowKind.ONGOING_ACCESS))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("income report only");
    }

    @Test
    void aSyncPeriodTogetherWithAReportingPeriodIsRejected() {
        assertThatThrownBy(() -> options(Optional.of(new SyncPeriod(90)), Optional.of(new ReportingPeriod(6))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("not both");
    }

    @Test
    void moreThan20PreselectedAccountsAreRejected() {
        List<AccountReference> accounts = Collections.nCopies(21, AccountReference.parse("0532013000"));

        assertThatThrownBy(() -> new FlowOptions(Language.DE, accounts, Optional.empty(), Optional.empty(),
                ProviderOptions.NONE)).isInstanceOf(InvalidValueException.class);
    }

    private static FlowOptions options(Optional<SyncPeriod> sync, Optional<ReportingPeriod> reporting) {
        return new FlowOptions(Language.EN, List.of(), sync, reporting, ProviderOptions.NONE);
    }
}
