package io.consentgateway.adapter.in.rest.dto;

import io.consentgateway.application.port.in.StartFlowCommand;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Body of {@code POST /api/v1/flows}. Everything but {@code kind} is optional and defaults as the provider documents. */
@Schema(name = "StartFlowRequest", description = "Start a consent flow for the signed-in user.",
        example = "{\"kind\":\"ONGOING_ACCESS\",\"provider\":\"nrich\",\"language\":\"en\",\"accounts\":[\"DE89370400440532013000\"],"
                + "\"syncPeriod\":90,\"returnTo\":\"http://localhost:9080/\"}")
public class StartFlowRequest {
    @Schema(required = true, enumeration = {"ONGOING_ACCESS", "ONE_TIME_ACCESS", "INCOME_REPORT"})
    public String kind;
    @Schema(description = "The consent provider: nrich (the default; further providers as they are added)", example = "nrich")
    public String provider;
    @Schema(description = "Widget language: de (default), en, es, fr, ar", example = "de")
    public String language;
    @Schema(description = "Pre-selected accounts: IBANs (checked) or other account ids; skips the bank choice")
    public List<String> accounts;
    @Schema(description = "Restrict to account types, e.g. \"Giro account\"")
    public List<String> accountTypes;
    @Schema(description = "Let the user connect several accounts (default true)")
    public Boolean allowMultiSelection;
    @Schema(description = "Days of history, 1..730 (default 90)", example = "90")
    public Integer syncPeriod;
    @Schema(description = "Income report only: months 4..24 (default 12); not together with syncPeriod", example = "12")
    public Integer reportingPeriod;
    @Schema(description = "Your own reference, passed to nrich")
    public String trackingId;
    @Schema(description = "A bank to pre-select (nrich provider_id)")
    public String providerId;
    @Schema(description = "Let the provider keep the user's bank credentials for automatic sync (default false)")
    public Boolean saveSecrets;
    @Schema(description = "Where the browser returns after the callback; must be on the allow-list", example = "http://localhost:9080/")
    public String returnTo;

    public StartFlowCommand.Input toInput(String userId) {
        return new StartFlowCommand.Input(userId, kind, provider, language, accounts, accountTypes, allowMultiSelection,
                syncPeriod, reportingPeriod, trackingId, providerId, saveSecrets, returnTo);
    }
}
