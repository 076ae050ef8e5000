package io.consentgateway.domain.shared;

/** Months covered by an income report: at least 4, default 12. */
public record ReportingPeriod(int months) {
    public static final ReportingPeriod DEFAULT = new ReportingPeriod(12);

    public ReportingPeriod {
        if (months < 4 || months > 24) {
            throw new InvalidValueException("reporting period must be 4..24 months, was " + months);
        }
    }
}
