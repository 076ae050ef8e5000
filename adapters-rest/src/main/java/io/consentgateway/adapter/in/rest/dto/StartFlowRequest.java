package io.consentgateway.adapter.in.rest.dto;

import io.consentgateway.application.port.in.FieldError;
import io.consentgateway.application.port.in.InvalidInput;
import io.consentgateway.application.port.in.StartFlowCommand;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /api/v1/flows}. Everything but {@code kind} is optional. The neutral fields mean the same with
 * every provider; {@code providerOptions} holds what only the chosen provider understands, and that provider checks
 * it. The five top-level fields nrich's clients used before {@code providerOptions} existed still work: each is read as
 * the provider option of the same name.
 */
@Schema(name = "StartFlowRequest", additionalProperties = Schema.False.class, description = "Start a consent flow for the signed-in user.",
        example = "{\"kind\":\"ONGOING_ACCESS\",\"provider\":\"nrich\",\"language\":\"en\",\"accounts\":[\"DE89370400440532013000\"],"
                + "\"syncPeriod\":90,\"providerOptions\":{\"trackingId\":\"campaign-7\"},\"returnTo\":\"http://localhost:9080/\"}")
public class StartFlowRequest {
    /** The top-level fields that are really nrich's options, kept so that no earlier client breaks. */
    static final List<String> LEGACY_OPTION_FIELDS = List.of("accountTypes", "allowMultiSelection", "trackingId", "providerId",
            "saveSecrets");

    @Schema(required = true, enumeration = {"ONGOING_ACCESS", "ONE_TIME_ACCESS", "INCOME_REPORT"})
    public String kind;
    @Schema(description = "The consent provider, e.g. nrich (the default) or tatrabanka; GET /api/v1/providers lists them",
            example = "nrich")
    public String provider;
    @Schema(description = "Language of the provider's pages: de (default), en, es, fr, ar", example = "de")
    public String language;
    @Schema(description = "Pre-selected accounts: IBANs (checked) or other account ids")
    public List<String> accounts;
    @Schema(description = "Days of history, 1..730 (default 90)", example = "90")
    public Integer syncPeriod;
    @Schema(description = "Income report only: months 4..24 (default 12); not together with syncPeriod", example = "12")
    public Integer reportingPeriod;
    @Schema(description = "Options only the chosen provider understands; it rejects an unknown one as providerOptions.<name>. "
            + "nrich: trackingId, providerId (a bank to pre-select), saveSecrets, accountTypes, allowMultiSelection. "
            + "tatrabanka: none.", example = "{\"trackingId\":\"campaign-7\",\"saveSecrets\":false}")
    public Map<String, Object> providerOptions;
    @Schema(description = "Where the browser returns after the callback; must be on the allow-list", example = "http://localhost:9080/")
    public String returnTo;
    @Schema(description = "How the flow completes once the provider's callback brings a code. REDIRECT: at once, and the "
            + "callback redirects with outcome COMPLETED. CONFIRM: the callback redirects with outcome CONFIRMATION_REQUIRED "
            + "and the front end then calls POST /api/v1/flows/{id}/completion with the same user's token; only the user who "
            + "started the flow can complete it (RFC 9700 §4.7.1). Default: the gateway's setting (cg.callback.completion), "
            + "which a request may strengthen but not weaken.", enumeration = {"REDIRECT", "CONFIRM"})
    public String completion;

    @Schema(deprecated = true, description = "Deprecated: use providerOptions.accountTypes (nrich)")
    public List<String> accountTypes;
    @Schema(deprecated = true, description = "Deprecated: use providerOptions.allowMultiSelection (nrich)")
    public Boolean allowMultiSelection;
    @Schema(deprecated = true, description = "Deprecated: use providerOptions.trackingId (nrich)")
    public String trackingId;
    @Schema(deprecated = true, description = "Deprecated: use providerOptions.providerId (nrich: a bank to pre-select)")
    public String providerId;
    @Schema(deprecated = true, description = "Deprecated: use providerOptions.saveSecrets (nrich)")
    public Boolean saveSecrets;

    /** At most this many items in a list field and members in {@code providerOptions}, before anything else looks. */
    public static final int MAX_ACCOUNTS = 100;
    public static final int MAX_ACCOUNT_TYPES = 20;
    public static final int MAX_PROVIDER_OPTIONS = 32;

    /** Reads the body field by field: a value of the wrong type is named by its path ({@code accounts[0]}). */
    public static StartFlowRequest from(JsonBody body) {
        StartFlowRequest request = new StartFlowRequest();
        request.kind = body.text("kind");
        request.provider = body.text("provider");
        request.language = body.text("language");
        request.accounts = body.texts("accounts", MAX_ACCOUNTS);
        request.syncPeriod = body.integer("syncPeriod");
        request.reportingPeriod = body.integer("reportingPeriod");
        request.providerOptions = body.object("providerOptions", MAX_PROVIDER_OPTIONS);
        request.returnTo = body.text("returnTo");
        request.completion = body.text("completion");
        request.accountTypes = body.texts("accountTypes", MAX_ACCOUNT_TYPES);
        request.allowMultiSelection = body.flag("allowMultiSelection");
        request.trackingId = body.text("trackingId");
        request.providerId = body.text("providerId");
        request.saveSecrets = body.flag("saveSecrets");
        body.throwIfAny();
        return request;
    }

    public StartFlowCommand.Input toInput(String userId) {
        Map<String, Object> options = new LinkedHashMap<>(providerOptions == null ? Map.of() : providerOptions);
        List<FieldError> conflicts = new ArrayList<>();
        Map<String, Object> legacy = legacyOptions();
        legacy.forEach((name, value) -> {
            if (options.containsKey(name)) {
                conflicts.add(new FieldError(name, "is given twice: here and as providerOptions." + name));
            } else {
                options.put(name, value);
            }
        });
        if (!conflicts.isEmpty()) {
            throw new InvalidInput(conflicts);
        }
        return new StartFlowCommand.Input(userId, kind, provider, language, accounts, syncPeriod, reportingPeriod,
                providerOptions == null && legacy.isEmpty() ? null : options, returnTo, completion);
    }

    /**
     * Names a bad provider option as the client sent it: an option that came as a deprecated top-level field is named
     * by that field, not as {@code providerOptions.<name>}.
     */
    public InvalidInput inClientTerms(InvalidInput invalid) {
        Map<String, Object> legacy = legacyOptions();
        return new InvalidInput(invalid.errors().stream().map(error -> {
            String prefix = "providerOptions.";
            if (error.field().startsWith(prefix) && legacy.containsKey(error.field().substring(prefix.length()))) {
                return new FieldError(error.field().substring(prefix.length()), error.message());
            }
            return error;
        }).toList());
    }

    private Map<String, Object> legacyOptions() {
        Map<String, Object> legacy = new LinkedHashMap<>();
        Object[] values = {accountTypes, allowMultiSelection, trackingId, providerId, saveSecrets};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                legacy.put(LEGACY_OPTION_FIELDS.get(i), values[i]);
            }
        }
        return legacy;
    }
}
