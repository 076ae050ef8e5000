package io.consentgateway.domain.shared;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An account the user pre-selects for the widget: an IBAN (validated) or another identifier such as an
 * account number or a PAN. Anything shaped like an IBAN must pass the IBAN check: a mistyped IBAN is an
 * error, not "another identifier".
 */
public final class AccountReference {
    private static final Pattern OTHER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ./-]{0,63}");

    private final String value;
    private final Iban iban;

    private AccountReference(String value, Iban iban) {
        this.value = value;
        this.iban = iban;
    }

    public static AccountReference parse(String text) {
        Require.nonBlank(text, "account id");
        if (Iban.looksLikeIban(text)) {
            Iban iban = Iban.parse(text);
            return new AccountReference(iban.value(), iban);
        }
        String stripped = text.strip();
        if (!OTHER.matcher(stripped).matches()) {
            throw new InvalidValueException("account id must be an IBAN, an account number or a card number (1..64 letters, digits, spaces, '.', '/', '-')");
        }
        return new AccountReference(stripped, null);
    }

    public static AccountReference of(Iban iban) {
        return new AccountReference(iban.value(), iban);
    }

    public String value() {
        return value;
    }

    public Optional<Iban> iban() {
        return Optional.ofNullable(iban);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountReference other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
