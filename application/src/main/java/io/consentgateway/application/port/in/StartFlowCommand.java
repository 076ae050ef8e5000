package io.consentgateway.application.port.in;

import io.consentgateway.domain.flow.FlowCompletion;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.FlowOptions;
import io.consentgateway.domain.flow.ProviderOptions;
import io.consentgateway.domain.shared.AccountReference;
import io.consentgateway.domain.shared.Language;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.shared.ReportingPeriod;
import io.consentgateway.domain.shared.Require;
import io.consentgateway.domain.shared.SyncPeriod;
import io.consentgateway.domain.shared.UserId;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Start a consent flow for a signed-in user.
 *
 * @param options          the provider-neutral options; their {@code providerOptions} are empty until the chosen
 *                         provider has checked {@code providerOptions}
 * @param providerOptions  the options only the chosen provider understands, as the client sent them (JSON-like
 *                         values); the service has the provider check them
 * @param returnTo         where the browser goes after the callback; checked against the allow-list by the service
 * @param completion       how the flow completes, if the client asks; the service applies the deployment's setting
 *                         otherwise, and refuses a request weaker than it
 */
public record StartFlowCommand(UserId userId, ProviderId provider, FlowKind kind, FlowOptions options,
                               Map<String, Object> providerOptions, Optional<URI> returnTo,
                               Optional<FlowCompletion> completion) {

    /** A command that leaves the completion to the deployment's setting. */
    public StartFlowCommand(UserId userId, ProviderId provider, FlowKind kind, FlowOptions options,
                            Map<String, Object> providerOptions, Optional<URI> returnTo) {
        this(userId, provider, kind, options, providerOptions, returnTo, Optional.empty());
    }

    public StartFlowCommand {
        Require.nonNull(userId, "user id");
        Require.nonNull(provider, "provider");
        Require.nonNull(kind, "kind");
        Require.optionals("start flow command", returnTo, completion);
        options = Require.nonNull(options, "options").forKind(kind);
        providerOptions = Collections.unmodifiableMap(new LinkedHashMap<>(Require.nonNull(providerOptions, "provider options")));
    }

    /**
     * The raw input as an inbound adapter receives it (every field optional, as text or number). {@link #parse}
     * turns it into a command or an {@link InvalidInput} naming every bad field.
     */
    public record Input(String userId, String kind, String provider, String language, List<String> accounts,
                        Integer syncPeriod, Integer reportingPeriod, Map<String, Object> providerOptions,
                        String returnTo, String completion) {

        public StartFlowCommand parse(ProviderId defaultProvider) {
            Fields f = new Fields();
            UserId user = f.require("userId", userId, UserId::new);
            FlowKind flowKind = f.require("kind", kind, StartFlowCommand::kindOf);
            ProviderId chosen = provider == null ? defaultProvider : f.parse("provider", provider, ProviderId::new);
            Language lang = language == null ? Language.DEFAULT : f.parse("language", language, Language::fromCode);
            List<AccountReference> refs = new ArrayList<>();
            List<String> accountList = accounts == null ? List.of() : accounts;
            for (int i = 0; i < accountList.size(); i++) {
                AccountReference ref = f.require("accounts[" + i + "]", accountList.get(i), AccountReference::parse);
                if (ref != null) {
                    refs.add(ref);
                }
            }
            if (accountList.size() > FlowOptions.MAX_ACCOUNTS) {
                f.reject("accounts", "at most " + FlowOptions.MAX_ACCOUNTS + " accounts may be pre-selected");
            }
            SyncPeriod sync = f.parse("syncPeriod", syncPeriod, SyncPeriod::new);
            ReportingPeriod reporting = f.parse("reportingPeriod", reportingPeriod, ReportingPeriod::new);
            if (syncPeriod != null && reportingPeriod != null) {
                f.reject("reportingPeriod", "give a sync period or a reporting period, not both");
            }
            if (reportingPeriod != null && flowKind != null && flowKind != FlowKind.INCOME_REPORT) {
                f.reject("reportingPeriod", "applies to an income report only");
            }
            Map<String, Object> requested = providerOptions == null ? Map.of() : providerOptions;
            if (requested.size() > ProviderOptions.MAX_OPTIONS) {
                f.reject("providerOptions", "at most " + ProviderOptions.MAX_OPTIONS + " provider options");
            } else if (!requested.keySet().stream().allMatch(name -> OPTION_NAME.matcher(name).matches())) {
                // Named without repeating the name: it is reflected nowhere, so no markup or line break can travel back.
                f.reject("providerOptions", "option names are letters, digits, '_', '-' and '.', at most 64 of them");
            }
            URI target = f.parse("returnTo", returnTo, StartFlowCommand::absoluteUri);
            FlowCompletion asked = f.parse("completion", completion, StartFlowCommand::completionOf);
            f.throwIfAny();
            FlowOptions opts = new FlowOptions(lang, refs, Optional.ofNullable(sync), Optional.ofNullable(reporting),
                    ProviderOptions.NONE);
            return new StartFlowCommand(user, chosen, flowKind, opts, requested, Optional.ofNullable(target),
                    Optional.ofNullable(asked));
        }
    }

    /** What a provider option may be called: a plain name, safe to repeat in an error. */
    private static final java.util.regex.Pattern OPTION_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    static FlowKind kindOf(String text) {
        try {
            return FlowKind.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of ONGOING_ACCESS, ONE_TIME_ACCESS, INCOME_REPORT");
        }
    }

    static FlowCompletion completionOf(String text) {
        try {
            return FlowCompletion.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of REDIRECT, CONFIRM");
        }
    }

    static URI absoluteUri(String text) {
        try {
            URI uri = new URI(text.strip());
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw new IllegalArgumentException("must be an absolute URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("must be an absolute URL");
        }
    }
}
