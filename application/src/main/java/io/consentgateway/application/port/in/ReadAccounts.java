package io.consentgateway.application.port.in;

import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.UserId;

import java.util.List;

/**
 * Use case: the accounts and balances a consent reaches, from the gateway's store (synced first when older than the max
 * age). A read is user activity.
 */
public interface ReadAccounts {
    Synced<List<Account>> accounts(UserId userId, ConsentId consentId);
}
