package io.consentgateway.adapter.in.rest.dto;

import io.consentgateway.application.port.in.ConsentView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * A consent as its owner sees it: status, expiry and what to do next — never a token. {@code reason} says why a
 * consent requires re-authorization ({@code REFRESH_REJECTED}: the provider refused the refresh token;
 * {@code REFRESH_LOST}: a refresh's answer was lost and the token could not be used again); {@code refreshInDoubtSince}
 * is set while such a lost answer is being settled (within a minute, by the scheduler or the next read).
 */
@Schema(name = "Consent", example = "{\"id\":\"0f8e4b8e-2d2c-4f7e-a1d2-9b0c3e4f5a6b\",\"provider\":\"nrich\",\"kind\":\"ONGOING_ACCESS\","
        + "\"status\":\"ACTIVE\",\"nextAction\":\"NONE\",\"grantedAt\":\"2026-11-22T10:02:10Z\",\"expiresAt\":\"2027-02-20T10:02:10Z\","
        + "\"lastUserActivityAt\":\"2026-11-22T10:02:10Z\",\"data\":{\"syncedAt\":\"2026-11-22T10:02:12Z\","
        + "\"backgroundSyncsUsed\":1,\"backgroundSyncsAllowed\":4}}")
public record ConsentResponse(String id, String provider, String kind,
                              @Schema(enumeration = {"ACTIVE", "EXPIRING_SOON", "REAUTH_REQUIRED", "EXPIRED", "REVOKED"}) String status,
                              @Schema(enumeration = {"NONE", "RENEW", "CONNECT_AGAIN"}) String nextAction,
                              String grantedAt, String expiresAt, String lastUserActivityAt, String lastRefreshedAt,
                              @Schema(enumeration = {"REFRESH_REJECTED", "REFRESH_LOST"}) String reason,
                              String refreshInDoubtSince, DataResponse data) {

    /**
     * What the gateway keeps of the consent's data: when it was last synced with the provider, until when it is kept
     * (a one-time snapshot, an ended consent), and the PSD2 access budget: syncs made without the user in the last 24
     * hours, and how many are allowed.
     */
    @Schema(name = "ConsentData")
    public record DataResponse(String syncedAt, String retainedUntil, int backgroundSyncsUsed, int backgroundSyncsAllowed) {
        static DataResponse of(ConsentView.DataView data) {
            return new DataResponse(data.syncedAt().map(Instant::toString).orElse(null),
                    data.retainedUntil().map(Instant::toString).orElse(null), data.backgroundSyncsUsed(),
                    data.backgroundSyncsAllowed());
        }
    }

    public static ConsentResponse of(ConsentView c) {
        return new ConsentResponse(c.id().toString(), c.provider().value(), c.kind().name(), c.status().name(),
                c.nextAction().name(), c.grantedAt().toString(), c.expiresAt().toString(), c.lastUserActivityAt().toString(),
                c.lastRefreshedAt().map(Instant::toString).orElse(null), c.reason().map(Enum::name).orElse(null),
                c.refreshInDoubtSince().map(Instant::toString).orElse(null), DataResponse.of(c.data()));
    }
}
