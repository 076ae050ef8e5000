package io.consentgateway.domain.flow;

import io.consentgateway.domain.shared.AccountReference;
import io.consentgateway.domain.shared.BankId;
import io.consentgateway.domain.shared.InvalidValueException;
import io.consentgateway.domain.shared.Language;
import io.consentgateway.domain.shared.Require;
import io.consentgateway.domain.shared.ReportingPeriod;
import io.consentgateway.domain.shared.SyncPeriod;

import java.util.List;
import java.util.Optional;

/**
 * How the user's journey through the provider's widget is configured. The defaults are the provider's:
 * language {@code de}, multi-selection on, 90 days of history for access flows, 12 months for an income
 * report. An income report takes a sync period or a reporting period, never both.
 */
public record FlowOptions(
        Language language,
        List<AccountReference> accounts,
        List<String> accountTypes,
        boolean allowMultiSelection,
        Optional<SyncPeriod> syncPeriod,
        Optional<ReportingPeriod> reportingPeriod,
        Optional<String> trackingId,
        Optional<BankId> bankId,
        boolean saveSecrets) {

    public static final int MAX_ACCOUNTS = 20;

    public FlowOptions {
        Require.nonNull(language, "language");
        accounts = List.copyOf(Require.nonNull(accounts, "accounts"));
        accountTypes = List.copyOf(Require.nonNull(accountTypes, "account types"));
        Require.nonNull(syncPeriod, "sync period (optional)");
        Require.nonNull(reportingPeriod, "reporting period (optional)");
        Require.nonNull(trackingId, "tracking id (optional)");
        Require.nonNull(bankId, "bank id (optional)");
        if (accounts.size() > MAX_ACCOUNTS) {
            throw new InvalidValueException("at most " + MAX_ACCOUNTS + " accounts may be pre-selected");
        }
        if (syncPeriod.isPresent() && reportingPeriod.isPresent()) {
            throw new InvalidValueException("give a sync period or a reporting period, not both");
        }
        accountTypes.forEach(type -> Require.printable(Require.maxLength(Require.nonBlank(type, "account type"), 64,
                "account type"), "account type"));
        trackingId.ifPresent(id -> Require.printable(Require.maxLength(id, 128, "tracking id"), "tracking id"));
    }

    /** The provider's defaults for a kind of flow. */
    public static FlowOptions defaultsFor(FlowKind kind) {
        return new FlowOptions(Language.DEFAULT, List.of(), List.of(), true,
                kind == FlowKind.INCOME_REPORT ? Optional.empty() : Optional.of(SyncPeriod.DEFAULT),
                kind == FlowKind.INCOME_REPORT ? Optional.of(ReportingPeriod.DEFAULT) : Optional.empty(),
                Optional.empty(), Optional.empty(), false);
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
            return new FlowOptions(language, accounts, accountTypes, allowMultiSelection, Optional.of(SyncPeriod.DEFAULT),
                    reportingPeriod, trackingId, bankId, saveSecrets);
        }
        if (kind == FlowKind.INCOME_REPORT && syncPeriod.isEmpty() && reportingPeriod.isEmpty()) {
            return new FlowOptions(language, accounts, accountTypes, allowMultiSelection, syncPeriod,
                    Optional.of(ReportingPeriod.DEFAULT), trackingId, bankId, saveSecrets);
        }
        return this;
    }
}
