package io.consentgateway.domain.flow;

import io.consentgateway.domain.consent.ConsentKind;

/** What a flow asks the user for, and so what kind of consent it yields. */
public enum FlowKind {
    /** Lasting access, kept alive with rotating refresh tokens (nrich {@code /ongoing/access}). */
    ONGOING_ACCESS,
    /** Data readable for one hour, no refresh (nrich {@code /onetime/access}). */
    ONE_TIME_ACCESS,
    /** A one-time income report (nrich {@code /onetime/income-report}). */
    INCOME_REPORT;

    public boolean isOngoing() {
        return this == ONGOING_ACCESS;
    }

    /** The kind of consent a completed flow of this kind yields. */
    public ConsentKind yields() {
        return switch (this) {
            case ONGOING_ACCESS -> ConsentKind.ONGOING_ACCESS;
            case ONE_TIME_ACCESS -> ConsentKind.ONE_TIME_ACCESS;
            case INCOME_REPORT -> ConsentKind.INCOME_REPORT;
        };
    }
}
