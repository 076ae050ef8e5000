package io.consentgateway.application.port.out;

import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.token.AccessToken;
import io.consentgateway.domain.token.IssuedTokens;
import io.consentgateway.domain.token.RefreshToken;

import java.util.List;

/**
 * One consent provider (nrich, a bank's PSD2 API, ...), in provider-neutral terms. Every method fails only
 * with a {@link ProviderException}: {@link ReauthorizationRequired}, {@link ProviderRejected} or
 * {@link ProviderUnavailable}.
 *
 * <p>Implementations must never retry {@link #exchangeCode} or {@link #refresh} once the request may have
 * reached the provider: the code is single use and the refresh token rotates.
 */
public interface ConsentProvider {

    ProviderId id();

    /** Starts a flow and answers where to send the user. */
    ProviderFlow startFlow(ProviderFlowRequest request);

    /** Exchanges a callback's code for tokens. */
    IssuedTokens exchangeCode(CodeExchange exchange);

    /** Presents a refresh token; the answer usually carries a new one that replaces it. */
    IssuedTokens refresh(RefreshToken refreshToken);

    List<Account> accounts(AccessToken accessToken);

    /** Every transaction matching the filter: the adapter walks the provider's pages. */
    List<Transaction> transactions(AccessToken accessToken, TransactionFilter filter);

    /** The income report of an income-report flow, by the provider's flow id. */
    IncomeReport incomeReport(AccessToken accessToken, String providerFlowId);
}
