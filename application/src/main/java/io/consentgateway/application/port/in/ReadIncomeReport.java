package io.consentgateway.application.port.in;

import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.UserId;

/** Use case: the income report of an income-report consent, from the snapshot taken at its completion. */
public interface ReadIncomeReport {
    /** @throws WrongConsentKind for a consent of another kind */
    Synced<IncomeReport> incomeReport(UserId userId, ConsentId consentId);
}
