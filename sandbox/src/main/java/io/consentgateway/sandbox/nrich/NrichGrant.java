package io.consentgateway.sandbox.nrich;

import java.util.List;

/**
 * What an nrich grant (one access chain) gives access to.
 *
 * @param flowId          the flow that created it
 * @param kind            the kind of that flow
 * @param userId          the user (null for one-time flows)
 * @param seedKey         the key the synthetic data is derived from: the user id, or the flow id for one-time flows
 * @param singleAccount   the user chose one account only ({@code allow_multi_selection=false})
 * @param accountIds      the accounts a re-sync was limited to (empty: all)
 * @param reportingMonths the income report's months (income-report flows)
 * @param bank            the bank the user picked in the widget (display only)
 */
public record NrichGrant(String flowId, NrichFlowKind kind, String userId, String seedKey, boolean singleAccount,
                         List<String> accountIds, int reportingMonths, String bank) {

    public NrichGrant {
        accountIds = List.copyOf(accountIds);
    }
}
