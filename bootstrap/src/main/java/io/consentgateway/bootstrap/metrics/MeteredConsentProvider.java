package io.consentgateway.bootstrap.metrics;

import io.consentgateway.application.port.out.CallbackParameters;
import io.consentgateway.application.port.out.CallbackResult;
import io.consentgateway.application.port.out.CodeExchange;
import io.consentgateway.application.port.out.ConsentProvider;
import io.consentgateway.application.port.out.ProviderFlow;
import io.consentgateway.application.port.out.ProviderFlowRequest;
import io.consentgateway.application.port.out.ProviderMisconfigured;
import io.consentgateway.application.port.out.ProviderRejected;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import io.consentgateway.application.port.out.TransactionFilter;
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
import java.util.function.Supplier;

/**
 * Counts every call to a provider by operation and result, and tells {@link ConfigurationFaults} when the provider
 * refuses this gateway itself and when it answers again; behaves exactly like the provider it wraps.
 */
public final class MeteredConsentProvider implements ConsentProvider {
    private final ConsentProvider provider;
    private final GatewayMetrics metrics;
    private final ConfigurationFaults faults;

    public MeteredConsentProvider(ConsentProvider provider, GatewayMetrics metrics, ConfigurationFaults faults) {
        this.provider = provider;
        this.metrics = metrics;
        this.faults = faults;
    }

    @Override
    public ProviderId id() {
        return provider.id();
    }

    @Override
    public Set<FlowKind> supportedKinds() {
        return provider.supportedKinds();
    }

    @Override
    public ProviderOptions checkOptions(FlowKind kind, Map<String, Object> requested) {
        return provider.checkOptions(kind, requested);
    }

    @Override
    public CallbackResult interpretCallback(CallbackParameters callback, Optional<String> providerFlowId) {
        return provider.interpretCallback(callback, providerFlowId);
    }

    @Override
    public ProviderFlow startFlow(ProviderFlowRequest request) {
        return counted("start_flow", () -> provider.startFlow(request));
    }

    @Override
    public IssuedTokens exchangeCode(CodeExchange exchange) {
        return counted("exchange_code", () -> provider.exchangeCode(exchange));
    }

    @Override
    public IssuedTokens refresh(RefreshToken refreshToken) {
        return counted("refresh", () -> provider.refresh(refreshToken));
    }

    @Override
    public List<Account> accounts(AccessToken accessToken) {
        return counted("accounts", () -> provider.accounts(accessToken));
    }

    @Override
    public List<Transaction> transactions(AccessToken accessToken, TransactionFilter filter) {
        return counted("transactions", () -> provider.transactions(accessToken, filter));
    }

    @Override
    public IncomeReport incomeReport(AccessToken accessToken, String providerFlowId) {
        return counted("income_report", () -> provider.incomeReport(accessToken, providerFlowId));
    }

    private <T> T counted(String operation, Supplier<T> call) {
        String result = "unavailable";
        try {
            T value = call.get();
            result = "ok";
            faults.succeeded(provider.id().value());
            return value;
        } catch (ReauthorizationRequired e) {
            result = "reauthorization_required";
            throw e;
        } catch (ProviderRejected e) {
            result = "rejected";
            throw e;
        } catch (ProviderMisconfigured e) {
            result = "misconfigured";
            faults.refused(provider.id().value(), operation, e.getMessage());
            throw e;
        } catch (ProviderUnavailable e) {
            // in doubt: sent and not answered (for a refresh, the consent records it and the scheduler settles it)
            result = e.requestMayHaveBeenProcessed() ? "in_doubt" : "unavailable";
            throw e;
        } finally {
            metrics.providerCall(provider.id().value(), operation, result);
        }
    }
}
