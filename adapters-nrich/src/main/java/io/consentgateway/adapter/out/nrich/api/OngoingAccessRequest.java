package io.consentgateway.adapter.out.nrich.api;

import jakarta.json.bind.annotation.JsonbProperty;

import java.util.List;

/** Body of {@code POST /ongoing/access}; a {@code null} component is left out of the JSON. */
public record OngoingAccessRequest(
        @JsonbProperty("state") String state,
        @JsonbProperty("redirect_uri") String redirectUri,
        @JsonbProperty("tracking_id") String trackingId,
        @JsonbProperty("language") String language,
        @JsonbProperty("provider_id") String providerId,
        @JsonbProperty("accounts") List<AccountId> accounts,
        @JsonbProperty("account_types") List<String> accountTypes,
        @JsonbProperty("allow_multi_selection") Boolean allowMultiSelection,
        @JsonbProperty("sync_period") Integer syncPeriod,
        @JsonbProperty("save_secrets") Boolean saveSecrets,
        @JsonbProperty("user_id") String userId) {
}
