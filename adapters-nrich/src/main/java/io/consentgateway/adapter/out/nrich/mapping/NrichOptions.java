package io.consentgateway.adapter.out.nrich.mapping;

import io.consentgateway.application.port.out.ProviderOptionsRejected;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.ProviderOptions;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * nrich's own flow options: what the client may send as {@code providerOptions} when it starts a flow with nrich,
 * how they are checked ({@link #check}) and how {@link NrichRequests} reads them back. Names are camelCase; nrich's
 * field is given beside each:
 *
 * <ul>
 *   <li>{@code trackingId} ({@code tracking_id}): text, 1..128 printable characters. nrich's documents list it for
 *       {@code /ongoing/access} only, so it is an option of ongoing access only.</li>
 *   <li>{@code providerId} ({@code provider_id}): the bank to pre-select ({@link BankId}), 1..128 printable
 *       characters; ongoing access only.</li>
 *   <li>{@code saveSecrets} ({@code save_secrets}): boolean, default false; ongoing access only.</li>
 *   <li>{@code accountTypes} ({@code account_types}): a list of at most 20 texts, each 1..64 printable characters;
 *       ongoing and one-time access.</li>
 *   <li>{@code allowMultiSelection} ({@code allow_multi_selection}): boolean, default true; ongoing and one-time
 *       access.</li>
 * </ul>
 *
 * <p>An option a kind's endpoint has no field for ({@code providerId} on an income report, say) is refused by name
 * rather than silently dropped. {@code null} means "not given". Every bad option is reported at once.
 */
public final class NrichOptions {
    public static final String TRACKING_ID = "trackingId";
    public static final String PROVIDER_ID = "providerId";
    public static final String SAVE_SECRETS = "saveSecrets";
    public static final String ACCOUNT_TYPES = "accountTypes";
    public static final String ALLOW_MULTI_SELECTION = "allowMultiSelection";

    public static final int MAX_TRACKING_ID_LENGTH = 128;
    public static final int MAX_ACCOUNT_TYPES = 20;
    public static final int MAX_ACCOUNT_TYPE_LENGTH = 64;

    /** Which kinds take each option: those whose nrich endpoint has the field (see {@link NrichRequests}). */
    private static final Map<String, Set<FlowKind>> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put(TRACKING_ID, EnumSet.of(FlowKind.ONGOING_ACCESS));
        KINDS.put(PROVIDER_ID, EnumSet.of(FlowKind.ONGOING_ACCESS));
        KINDS.put(SAVE_SECRETS, EnumSet.of(FlowKind.ONGOING_ACCESS));
        KINDS.put(ACCOUNT_TYPES, EnumSet.of(FlowKind.ONGOING_ACCESS, FlowKind.ONE_TIME_ACCESS));
        KINDS.put(ALLOW_MULTI_SELECTION, EnumSet.of(FlowKind.ONGOING_ACCESS, FlowKind.ONE_TIME_ACCESS));
    }

    private NrichOptions() {
    }

    /** The option names nrich understands, for documentation and tests. */
    public static Set<String> names() {
        return KINDS.keySet();
    }

    /**
     * Checks the options the client sent for a flow of {@code kind} and answers them as stored {@link ProviderOptions}
     * (flags via {@link ProviderOptions#withFlag}, lists via {@link ProviderOptions#withTexts}).
     *
     * @throws ProviderOptionsRejected naming every unknown, inapplicable or ill-typed option
     */
    public static ProviderOptions check(FlowKind kind, Map<String, Object> requested) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(requested, "requested options");
        Map<String, String> errors = new TreeMap<>();
        ProviderOptions checked = ProviderOptions.NONE;
        for (Map.Entry<String, Object> option : requested.entrySet()) {
            String name = String.valueOf(option.getKey());
            Object value = option.getValue();
            Set<FlowKind> kinds = KINDS.get(name);
            if (kinds == null) {
                errors.put(name, "is not an option of provider nrich");
                continue;
            }
            if (value == null) {
                continue; // JSON null: not given
            }
            if (!kinds.contains(kind)) {
                errors.put(name, "applies to " + kinds.stream().map(FlowKind::name).collect(Collectors.joining(" and "))
                        + " flows only");
                continue;
            }
            Optional<String> problem;
            switch (name) {
                case TRACKING_ID, PROVIDER_ID -> {
                    problem = text(value, MAX_TRACKING_ID_LENGTH);
                    if (problem.isEmpty()) {
                        checked = checked.with(name, (String) value);
                    }
                }
                case SAVE_SECRETS, ALLOW_MULTI_SELECTION -> {
                    problem = value instanceof Boolean ? Optional.empty() : Optional.of("must be a boolean");
                    if (problem.isEmpty()) {
                        checked = checked.withFlag(name, (Boolean) value);
                    }
                }
                case ACCOUNT_TYPES -> {
                    problem = accountTypes(value);
                    if (problem.isEmpty() && !((List<?>) value).isEmpty()) {
                        checked = checked.withTexts(name, ((List<?>) value).stream().map(String.class::cast).toList());
                    }
                }
                default -> throw new IllegalStateException("option " + name + " has no check");
            }
            problem.ifPresent(message -> errors.put(name, message));
        }
        if (!errors.isEmpty()) {
            throw new ProviderOptionsRejected(errors);
        }
        return checked;
    }

    // ---- read back by NrichRequests ----

    public static Optional<String> trackingId(ProviderOptions options) {
        return options.text(TRACKING_ID);
    }

    public static Optional<BankId> bank(ProviderOptions options) {
        return options.text(PROVIDER_ID).map(BankId::new);
    }

    public static boolean saveSecrets(ProviderOptions options) {
        return options.flag(SAVE_SECRETS).orElse(false);
    }

    public static List<String> accountTypes(ProviderOptions options) {
        return options.texts(ACCOUNT_TYPES);
    }

    public static boolean allowMultiSelection(ProviderOptions options) {
        return options.flag(ALLOW_MULTI_SELECTION).orElse(true);
    }

    // ---- checks ----

    private static Optional<String> text(Object value, int maxLength) {
        if (!(value instanceof String)) {
            return Optional.of("must be text");
        }
        String text = (String) value;
        if (text.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (text.length() > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters");
        }
        if (!printable(text)) {
            return Optional.of("must not contain control characters");
        }
        return Optional.empty();
    }

    private static Optional<String> accountTypes(Object value) {
        if (!(value instanceof List<?>)) {
            return Optional.of("must be a list of texts");
        }
        List<?> items = (List<?>) value;
        if (!items.stream().allMatch(String.class::isInstance)) {
            return Optional.of("must be a list of texts");
        }
        if (items.size() > MAX_ACCOUNT_TYPES) {
            return Optional.of("must hold at most " + MAX_ACCOUNT_TYPES + " account types");
        }
        List<String> problems = new ArrayList<>();
        for (Object item : items) {
            String type = (String) item;
            if (type.isBlank()) {
                problems.add("must not hold a blank account type");
            } else if (type.length() > MAX_ACCOUNT_TYPE_LENGTH) {
                problems.add("each account type must be at most " + MAX_ACCOUNT_TYPE_LENGTH + " characters");
            } else if (!printable(type)) {
                problems.add("an account type must not contain control characters");
            }
        }
        return problems.stream().distinct().reduce((a, b) -> a + "; " + b);
    }

    /** No control characters (they would reach nrich's widget, and logs): what the domain's stored options require. */
    static boolean printable(String text) {
        return text.chars().noneMatch(Character::isISOControl);
    }
}
