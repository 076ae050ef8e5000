package io.consentgateway.domain.flow;

import io.consentgateway.domain.shared.AccountReference;
import io.consentgateway.domain.shared.InvalidValueException;
import io.consentgateway.domain.shared.Language;
import io.consentgateway.domain.shared.Require;
import io.consentgateway.domain.shared.ReportingPeriod;
import io.consentgateway.domain.shared.SyncPeriod;

import java.util.List;
import java.util.Optional;

/**
 * How a flow is configured, in terms every provider understands: the language of the provider's pages, the
 * accounts to pre-select, how much history to grant (a sync period) or, for an income report, how many months
 * to report. The defaults: 90 days of history for access flows, 12 months for an income report; never both.
 * What only one provider understands travels as {@link ProviderOptions}, checked by that provider's adapter.
 */
public record FlowOptions(
        Language language,
        List<AccountReference> accounts,
        Optional<SyncPeriod> syncPeriod,
        Optional<ReportingPeriod> reportingPeriod,
        ProviderOptions providerOptions) {

    public static final int MAX_ACCOUNTS = 20;

    public FlowOptions {
        Require.nonNull(language, "language");
        accounts = List.copyOf(Require.nonNull(accounts, "accounts"));
        Require.optionals("flow options", syncPeriod, reportingPeriod);
        Require.nonNull(providerOptions, "provider options");
        if (accounts.size() > MAX_ACCOUNTS) {
            throw new InvalidValueException("at most " + MAX_ACCOUNTS + " accounts may be pre-selected");
        }
        if (syncPeriod.isPresent() && reportingPeriod.isPresent()) {
            throw new InvalidValueException("give a sync period or a reporting period, not both");
        }
    }

    /** The defaults for a kind of flow, with no provider options. */
    public static FlowOptions defaultsFor(FlowKind kind) {
        return new FlowOptions(Language.DEFAULT, List.of(), Optional.empty(), Optional.empty(), ProviderOptions.NONE)
                .forKind(kind);
    }

    /** The same options with the provider's own, as its adapter checked them. */
    public FlowOptions withProviderOptions(ProviderOptions checked) {
        return new FlowOptions(language, accounts, syncPeriod, reportingPeriod, checked);
    }

    /**
     * Checks the options against the kind of flow and fills in the kind's defaults: a reporting period
     * belongs to an income report only; an access flow without a sync period gets 90 days; an income report
     * with neither period gets 12 months.
     */
    public FlowOptions forKind(FlowKind kind) {
        Require.nonNull(kind, "kind");
        if (kind != FlowKind.INCOME_REPORT && reportingPeriod.isPresent()) {
            throw new InvalidValueException("a reporting period applies to an income report only");
        }
        if (kind != FlowKind.INCOME_REPORT && syncPeriod.isEmpty()) {
            return new FlowOptions(language, accounts, Optional.of(SyncPeriod.DEFAULT), reportingPeriod, providerOptions);
        }
        if (kind == FlowKind.INCOME_REPORT && syncPeriod.isEmpty() && reportingPeriod.isEmpty()) {
            return new FlowOptions(language, accounts, syncPeriod, Optional.of(ReportingPeriod.DEFAULT), providerOptions);
        }
        return this;
    }
}
