package io.consentgateway.adapter.out.nrich.api;

import jakarta.json.bind.annotation.JsonbProperty;

import java.util.List;

/** Body of {@code POST /ongoing/sync}: re-consent of an ongoing access. */
public record OngoingSyncRequest(
        @JsonbProperty("state") String state,
        @JsonbProperty("redirect_uri") String redirectUri,
        @JsonbProperty("language") String language,
        @JsonbProperty("sync_period") Integer syncPeriod,
        @JsonbProperty("save_secrets") Boolean saveSecrets,
        @JsonbProperty("account_ids") List<String> accountIds,
        @JsonbProperty("user_id") String userId) {
}
