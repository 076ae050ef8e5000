package io.consentgateway.adapter.out.nrich.api;

import jakarta.json.bind.annotation.JsonbProperty;

import java.util.List;

/** Body of {@code POST /onetime/income-report}: a sync period (days) or a reporting period (months), never both. */
public record IncomeReportFlowRequest(
        @JsonbProperty("redirect_uri") String redirectUri,
        @JsonbProperty("accounts") List<AccountId> accounts,
        @JsonbProperty("sync_period") Integer syncPeriod,
        @JsonbProperty("reporting_period") Integer reportingPeriod,
        @JsonbProperty("state") String state) {

    public IncomeReportFlowRequest {
        if (syncPeriod != null && reportingPeriod != null) {
            throw new IllegalArgumentException("an income report takes a sync period or a reporting period, not both");
        }
    }
}
