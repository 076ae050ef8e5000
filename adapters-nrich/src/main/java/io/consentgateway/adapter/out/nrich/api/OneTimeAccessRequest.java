package io.consentgateway.adapter.out.nrich.api;

import jakarta.json.bind.annotation.JsonbProperty;

import java.util.List;

/** Body of {@code POST /onetime/access}: no user id (the API takes none for one-time flows). */
public record OneTimeAccessRequest(
        @JsonbProperty("redirect_uri") String redirectUri,
        @JsonbProperty("language") String language,
        @JsonbProperty("accounts") List<AccountId> accounts,
        @JsonbProperty("account_types") List<String> accountTypes,
        @JsonbProperty("allow_multi_selection") Boolean allowMultiSelection,
        @JsonbProperty("sync_period") Integer syncPeriod,
        @JsonbProperty("state") String state) {
}
