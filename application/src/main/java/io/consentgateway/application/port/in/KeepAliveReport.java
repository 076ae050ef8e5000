package io.consentgateway.application.port.in;

import io.consentgateway.domain.shared.ConsentId;

import java.util.List;

/**
 * What one run of {@link KeepConsentsAlive} did.
 *
 * @param inDoubt     refreshes sent without an answer, to be settled by one more attempt at the next run
 * @param flowsFailed flows that could not be read or lapsed (the consents were looked after all the same)
 * @param failed      consents that could not be processed (e.g. an unreadable row); the others were not held up
 * @param failedIds   which ones, for the operator's log
 */
public record KeepAliveReport(int claimed, int refreshed, int reauthRequired, int expiringSoon, int expired,
                              int deferred, int inDoubt, int flowsLapsed, int flowsFailed, int failed, List<ConsentId> failedIds) {
    public KeepAliveReport {
        failedIds = List.copyOf(failedIds);
    }
}
