package io.consentgateway.application.service;

import io.consentgateway.application.port.in.WrongConsentKind;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.shared.ConsentId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.consentgateway.application.service.GatewayHarness.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadIncomeReportServiceTest {
    final GatewayHarness h = new GatewayHarness();

    @Test
    void anIncomeReportConsentServesItsReport() {
        ConsentId id = h.connect(ALICE, FlowKind.INCOME_REPORT);

        IncomeReport report = h.readIncomeReport.incomeReport(ALICE, id).data();

        assertThat(report.income().total()).contains(new BigDecimal("42000.00"));
    }

    @Test
    void theIncomeReportOfAnOngoingConsentIsTheWrongKindAndTheProviderIsNotCalled() {
        ConsentId ongoing = h.connectOngoing(ALICE);

        assertThatThrownBy(() -> h.readIncomeReport.incomeReport(ALICE, ongoing).data()).isInstanceOf(WrongConsentKind.class);
        assertThat(h.fake.dataCalls).hasValue(0);
    }

    @Test
    void theIncomeReportOfAOneTimeAccessIsTheWrongKind() {
        ConsentId oneTime = h.connect(ALICE, FlowKind.ONE_TIME_ACCESS);

        assertThatThrownBy(() -> h.readIncomeReport.incomeReport(ALICE, oneTime).data()).isInstanceOf(WrongConsentKind.class);
    }
}
