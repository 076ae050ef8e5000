package io.consentgateway.bootstrap.metrics;

import io.consentgateway.application.port.in.DataMaintenanceReport;
import io.consentgateway.application.port.in.MaintainAccountData;

/** Counts what the scheduler's data maintenance did: the PSD2 access budget's use, and the deletions. */
public final class MeteredMaintainAccountData implements MaintainAccountData {
    private final MaintainAccountData delegate;
    private final GatewayMetrics metrics;

    public MeteredMaintainAccountData(MaintainAccountData delegate, GatewayMetrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public DataMaintenanceReport run(int batchSize) {
        DataMaintenanceReport report = delegate.run(batchSize);
        metrics.backgroundSyncs("synced", report.synced());
        metrics.backgroundSyncs("budget_spent", report.budgetSpent());
        metrics.backgroundSyncs("failed", report.failed());
        metrics.dataDeleted(report.deleted());
        return report;
    }
}
