package io.consentgateway.adapter.kit;

import io.consentgateway.application.port.out.CodeExchange;
import io.consentgateway.application.port.out.TransactionFilter;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.token.AccessToken;
import io.consentgateway.domain.token.IssuedTokens;
import io.consentgateway.domain.token.RefreshToken;

import java.util.List;

/**
 * The remote calls every provider adapter makes, as its guarded bean offers them: the bean (e.g. {@code NrichCalls},
 * {@code BankCalls}) carries the MicroProfile Fault Tolerance annotations and the REST clients, and
 * {@link GuardedConsentProvider} hands these four calls of the port to it. A provider with more remote calls (nrich
 * starts its flows and builds its income reports on the server) declares them on its bean beside these.
 *
 * <p>Only remote calls are public on such a bean: its class-level guards apply to every public method. Closing its
 * REST clients is the bean's {@code @PreDestroy} method, not public, which the face that built the bean outside CDI
 * hands to {@link GuardedConsentProvider} to close them.
 */
public interface ProviderCalls {

    IssuedTokens exchangeCode(CodeExchange exchange);

    IssuedTokens refresh(RefreshToken refreshToken);

    List<Account> accounts(AccessToken accessToken);

    List<Transaction> transactions(AccessToken accessToken, TransactionFilter filter);
}
