package io.consentgateway.application.service;

import io.consentgateway.application.port.in.ReadIncomeReport;
import io.consentgateway.application.port.in.Synced;
import io.consentgateway.application.port.in.WrongConsentKind;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.consent.ConsentKind;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.UserId;

/** Reads the income report of an income-report consent from its stored snapshot. */
public final class ReadIncomeReportService implements ReadIncomeReport {
    private final StoredData data;

    public ReadIncomeReportService(StoredData data) {
        this.data = data;
    }

    @Override
    public Synced<IncomeReport> incomeReport(UserId userId, ConsentId consentId) {
        Consent consent = data.owned(userId, consentId);
        if (consent.kind() != ConsentKind.INCOME_REPORT) {
            throw new WrongConsentKind("an income report", consent.kind());
        }
        return data.serve(consent, id -> data.incomeReport(id)
                .orElseThrow(() -> new IllegalStateException("every sync of an income-report consent stores its report")));
    }
}
