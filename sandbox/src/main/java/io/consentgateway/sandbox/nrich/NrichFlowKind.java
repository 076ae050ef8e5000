package io.consentgateway.sandbox.nrich;

import java.util.Set;

/** The four flow-creating calls of nrich, with the fields each accepts. */
public enum NrichFlowKind {
    ONGOING_ACCESS("/ongoing/access", true,
            Set.of("state", "redirect_uri", "tracking_id", "language", "provider_id", "accounts", "account_types",
                    "allow_multi_selection", "sync_period", "save_secrets", "user_id"),
            Set.of("redirect_uri", "user_id")),
    ONE_TIME_ACCESS("/onetime/access", false,
            Set.of("redirect_uri", "language", "accounts", "account_types", "allow_multi_selection", "sync_period", "state"),
            Set.of("redirect_uri")),
    INCOME_REPORT("/onetime/income-report", false,
            Set.of("redirect_uri", "accounts", "sync_period", "reporting_period", "state"),
            Set.of("redirect_uri")),
    ONGOING_SYNC("/ongoing/sync", true,
            Set.of("state", "redirect_uri", "language", "sync_period", "save_secrets", "account_ids", "user_id"),
            Set.of("redirect_uri", "user_id"));

    private static final String READ_SCOPE = "accounts=ro balance=ro transactions=ro";

    private final String path;
    private final boolean ongoing;
    private final Set<String> fields;
    private final Set<String> mandatory;

    NrichFlowKind(String path, boolean ongoing, Set<String> fields, Set<String> mandatory) {
        this.path = path;
        this.ongoing = ongoing;
        this.fields = fields;
        this.mandatory = mandatory;
    }

    public String path() {
        return path;
    }

    /** Ongoing access (and its re-sync) gives {@code offline} scope and refreshable tokens. */
    public boolean ongoing() {
        return ongoing;
    }

    public Set<String> fields() {
        return fields;
    }

    public Set<String> mandatory() {
        return mandatory;
    }

    public String scope() {
        return ongoing ? READ_SCOPE + " offline" : READ_SCOPE;
    }

    /** Whether any flow call documents this field: anything else is a typo and is rejected. */
    public static boolean isKnownField(String name) {
        for (NrichFlowKind kind : values()) {
            if (kind.fields.contains(name)) {
                return true;
            }
        }
        return false;
    }
}
