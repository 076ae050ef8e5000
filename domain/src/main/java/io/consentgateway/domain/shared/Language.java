package io.consentgateway.domain.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The widget's language. Default {@link #DE}. */
public enum Language {
    DE, EN, ES, FR, AR;

    public static final Language DEFAULT = DE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Language fromCode(String code) {
        Require.nonBlank(code, "language");
        for (Language language : values()) {
            if (language.code().equalsIgnoreCase(code.strip())) {
                return language;
            }
        }
        throw new InvalidValueException("unknown language, expected one of "
                + Arrays.stream(values()).map(Language::code).collect(Collectors.joining(", ")));
    }
}
