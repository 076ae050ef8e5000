package io.consentgateway.application.port.out;

import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.ProviderOptions;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.token.AccessToken;
import io.consentgateway.domain.token.IssuedTokens;
import io.consentgateway.domain.token.RefreshToken;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One consent provider (an aggregator such as nrich, a bank's own PSD2 API, ...), in provider-neutral terms. This is
 * the seam a new provider plugs into: one adapter module implements it, and the abstract
 * {@code ConsentProviderContract} suite in the application's test-jar says what every implementation must do.
 *
 * <p>It has three parts. <b>Flows</b>: which kinds the provider offers, its own options, where to send the user
 * and how to read the browser's way back. <b>Tokens</b>: exchange a code, refresh. <b>Data</b>: accounts,
 * transactions and the income report, always read with an access token.
 *
 * <p>Every method fails only with a {@link ProviderException}, classified so the core can act without knowing the
 * provider:
 * <ul>
 *   <li>{@link ReauthorizationRequired}: the user's grant is gone (an OAuth {@code invalid_grant}, a 400 at the
 *       token endpoint; a 401 on a data call). The user must authorize again.</li>
 *   <li>{@link ProviderRejected}: the request itself was bad.</li>
 *   <li>{@link ProviderMisconfigured}: the provider refuses <em>this gateway</em> (401 {@code invalid_client} at the
 *       token endpoint, RFC 6749 §5.2; a 403; a 404 of an endpoint). An operator's matter: never a reason to end a
 *       user's consent.</li>
 *   <li>{@link ProviderUnavailable}: no usable answer; {@link ProviderUnavailable#requestMayHaveBeenProcessed()} tells
 *       a request that never left (safe to repeat) from one that was sent and got no answer (in doubt).</li>
 * </ul>
 *
 * <p>Implementations must never retry {@link #exchangeCode} or {@link #refresh} once the request may have reached
 * the provider: the code is single use and the refresh token rotates. Messages never carry a token, a code or a
 * secret.
 */
public interface ConsentProvider {

    /** The id the API and the stored flows and consents use for this provider, e.g. {@code nrich}. */
    ProviderId id();

    // ---- flows ----

    /** The kinds of flow this provider can run; a request for another kind is the client's error. */
    Set<FlowKind> supportedKinds();

    /**
     * Checks the options only this provider understands, as the client sent them (JSON-like values: {@code String},
     * {@code Boolean}, {@code Number}, {@code List}, {@code Map}, or {@code null}), and answers them in the form
     * {@link #startFlow} reads back. An unknown name or a bad value is a {@link ProviderOptionsRejected} naming each.
     */
    ProviderOptions checkOptions(FlowKind kind, Map<String, Object> requested);

    /** Starts a flow and answers where to send the user. */
    ProviderFlow startFlow(ProviderFlowRequest request);

    /**
     * Reads the browser's callback in this provider's vocabulary: approved with a code, cancelled by the user, failed,
     * or not this flow's callback at all. The gateway has already matched the {@code state} parameter to the flow.
     *
     * @param providerFlowId the provider's id of the flow the state names, where the provider gave one at the start
     */
    CallbackResult interpretCallback(CallbackParameters callback, Optional<String> providerFlowId);

    // ---- tokens ----

    /** Exchanges a callback's code for tokens; never retried once sent. */
    IssuedTokens exchangeCode(CodeExchange exchange);

    /** Presents a refresh token; the answer usually carries a new one that replaces it. Never retried once sent. */
    IssuedTokens refresh(RefreshToken refreshToken);

    // ---- data ----

    List<Account> accounts(AccessToken accessToken);

    /** Every transaction matching the filter, each once: the adapter walks the provider's pages. */
    List<Transaction> transactions(AccessToken accessToken, TransactionFilter filter);

    /**
     * The income report of an income-report flow, by the provider's flow id. Only providers that list
     * {@link FlowKind#INCOME_REPORT} among their kinds are ever asked.
     */
    IncomeReport incomeReport(AccessToken accessToken, String providerFlowId);
}
