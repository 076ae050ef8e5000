package io.consentgateway.sandbox.nrich;

import java.util.List;

/**
 * A validated flow-creation request. Absent optional values are {@code null} (or empty lists);
 * defaults are applied where nrich documents them (language de, multi selection true).
 */
public record FlowRequest(NrichFlowKind kind, String state, String redirectUri, String trackingId, String language,
                          String providerId, List<String> accounts, List<String> accountTypes,
                          boolean allowMultiSelection, Integer syncPeriod, Integer reportingPeriod,
                          boolean saveSecrets, String userId, List<String> accountIds) {

    public FlowRequest {
        accounts = List.copyOf(accounts);
        accountTypes = List.copyOf(accountTypes);
        accountIds = List.copyOf(accountIds);
    }

    /** Whether a prefilled account lets the user skip the bank selection. */
    public boolean skipsBankSelection() {
        return !accounts.isEmpty();
    }
}
