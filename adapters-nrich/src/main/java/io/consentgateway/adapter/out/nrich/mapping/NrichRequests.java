package io.consentgateway.adapter.out.nrich.mapping;

import io.consentgateway.adapter.out.nrich.api.AccountId;
import io.consentgateway.adapter.out.nrich.api.IncomeReportFlowRequest;
import io.consentgateway.adapter.out.nrich.api.OneTimeAccessRequest;
import io.consentgateway.adapter.out.nrich.api.OngoingAccessRequest;
import io.consentgateway.adapter.out.nrich.api.OngoingSyncRequest;
import io.consentgateway.application.port.out.ProviderFlowRequest;
import io.consentgateway.domain.flow.FlowOptions;
import io.consentgateway.domain.flow.ProviderOptions;
import io.consentgateway.domain.shared.AccountReference;
import io.consentgateway.domain.shared.ReportingPeriod;
import io.consentgateway.domain.shared.SyncPeriod;

import java.util.List;

/**
 * Builds nrich's flow request bodies from the provider-neutral request and nrich's own options
 * ({@link NrichOptions}, as {@code checkOptions} stored them in {@code providerOptions}). Lists ({@code accounts},
 * {@code account_types}) are always sent, possibly empty, as nrich's own example does; every absent optional
 * value is left out. Only the ongoing flows carry the user id.
 */
public final class NrichRequests {

    private NrichRequests() {
    }

    public static OngoingAccessRequest ongoingAccess(ProviderFlowRequest request) {
        FlowOptions o = request.options();
        ProviderOptions own = o.providerOptions();
        return new OngoingAccessRequest(
                request.state().value(),
                request.redirectUri().toString(),
                NrichOptions.trackingId(own).orElse(null),
                o.language().code(),
                NrichOptions.bank(own).map(BankId::value).orElse(null),
                accounts(o),
                NrichOptions.accountTypes(own),
                NrichOptions.allowMultiSelection(own),
                o.syncPeriod().map(SyncPeriod::days).orElse(null),
                NrichOptions.saveSecrets(own),
                request.userId().value());
    }

    /** One-time access: nrich's table lists no user id, tracking id, bank or save_secrets here. */
    public static OneTimeAccessRequest oneTimeAccess(ProviderFlowRequest request) {
        FlowOptions o = request.options();
        ProviderOptions own = o.providerOptions();
        return new OneTimeAccessRequest(
                request.redirectUri().toString(),
                o.language().code(),
                accounts(o),
                NrichOptions.accountTypes(own),
                NrichOptions.allowMultiSelection(own),
                o.syncPeriod().map(SyncPeriod::days).orElse(null),
                request.state().value());
    }

    /** An income report: a sync period or a reporting period (the domain guarantees never both). */
    public static IncomeReportFlowRequest incomeReport(ProviderFlowRequest request) {
        FlowOptions o = request.options();
        return new IncomeReportFlowRequest(
                request.redirectUri().toString(),
                accounts(o),
                o.syncPeriod().map(SyncPeriod::days).orElse(null),
                o.syncPeriod().isPresent() ? null : o.reportingPeriod().map(ReportingPeriod::months).orElse(null),
                request.state().value());
    }

    /** Re-consent of an ongoing access; {@code account_ids} only when accounts were named. */
    public static OngoingSyncRequest ongoingSync(ProviderFlowRequest request) {
        FlowOptions o = request.options();
        List<String> ids = o.accounts().stream().map(AccountReference::value).toList();
        return new OngoingSyncRequest(
                request.state().value(),
                request.redirectUri().toString(),
                o.language().code(),
                o.syncPeriod().map(SyncPeriod::days).orElse(null),
                NrichOptions.saveSecrets(o.providerOptions()),
                ids.isEmpty() ? null : ids,
                request.userId().value());
    }

    private static List<AccountId> accounts(FlowOptions options) {
        return options.accounts().stream().map(a -> new AccountId(a.value())).toList();
    }
}
