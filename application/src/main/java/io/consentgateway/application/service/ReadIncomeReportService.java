package io.consentgateway.application.service;

import io.consentgateway.application.port.in.ReadIncomeReport;
import io.consentgateway.application.port.in.WrongConsentKind;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.UserId;

/** Reads the income report of an income-report consent. */
public final class ReadIncomeReportService implements ReadIncomeReport {
    private final ConsentReader reader;

    public ReadIncomeReportService(ConsentReader reader) {
        this.reader = reader;
    }

    @Override
    public IncomeReport incomeReport(UserId userId, ConsentId consentId) {
        Consent consent = reader.owned(userId, consentId);
        if (consent.kind() != FlowKind.INCOME_REPORT) {
            throw new WrongConsentKind("an income report", consent.kind());
        }
        String providerFlowId = consent.providerFlowId()
                .orElseThrow(() -> new IllegalStateException("an income-report consent keeps its provider flow id"));
        return reader.read(consent, (provider, token) -> provider.incomeReport(token, providerFlowId));
    }
}
