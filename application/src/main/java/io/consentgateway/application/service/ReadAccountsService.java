package io.consentgateway.application.service;

import io.consentgateway.application.port.in.ReadAccounts;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.UserId;

import java.util.List;

/** Reads the accounts and balances of a user's consent. */
public final class ReadAccountsService implements ReadAccounts {
    private final ConsentReader reader;

    public ReadAccountsService(ConsentReader reader) {
        this.reader = reader;
    }

    @Override
    public List<Account> accounts(UserId userId, ConsentId consentId) {
        return reader.read(reader.owned(userId, consentId), (provider, token) -> provider.accounts(token));
    }
}
