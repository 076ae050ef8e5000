package io.consentgateway.application.service;

import io.consentgateway.application.port.in.ReadAccounts;
import io.consentgateway.application.port.in.Synced;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.UserId;

import java.util.List;

/** Reads the accounts and balances of a user's consent from the store. */
public final class ReadAccountsService implements ReadAccounts {
    private final StoredData data;

    public ReadAccountsService(StoredData data) {
        this.data = data;
    }

    @Override
    public Synced<List<Account>> accounts(UserId userId, ConsentId consentId) {
        return data.serve(data.owned(userId, consentId), data::accounts);
    }
}
