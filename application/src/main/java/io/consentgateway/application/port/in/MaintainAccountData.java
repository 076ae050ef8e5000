package io.consentgateway.application.port.in;

/**
 * Use case (the scheduler's): syncs the data of ongoing consents nobody read for a while, within the PSD2 access budget;
 * sets the retention end of consents that ended; deletes the data whose retention ended.
 */
public interface MaintainAccountData {
    DataMaintenanceReport run(int batchSize);
}
