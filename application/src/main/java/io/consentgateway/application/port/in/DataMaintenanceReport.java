package io.consentgateway.application.port.in;

/**
 * What one run of {@link MaintainAccountData} did.
 *
 * @param examined        consents looked at (a full batch: more may be due)
 * @param synced          background syncs made
 * @param budgetSpent     background syncs not made: the consent's access budget of the last 24 hours was spent
 * @param failed          background syncs that failed (the provider, the consent's tokens); tried again next interval
 * @param retentionSet    ended consents whose data got its deletion date
 * @param deleted         consents whose stored data was deleted (retention ended, or the consent no longer exists)
 */
public record DataMaintenanceReport(int examined, int synced, int budgetSpent, int failed, int retentionSet, int deleted) {
}
