package io.consentgateway.domain.shared;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An International Bank Account Number, checked by ISO 13616: shape, the country's length where known,
 * and the mod-97 check digits. Stored in electronic form (no spaces, upper case).
 */
public record Iban(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);
    /** Lengths of the countries this gateway most often sees; other countries are checked by shape and mod-97. */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AT", 20), Map.entry("BE", 16), Map.entry("CH", 21), Map.entry("CZ", 24),
            Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("ES", 24), Map.entry("FI", 18),
            Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("IE", 22), Map.entry("IT", 27),
            Map.entry("LU", 20), Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("PL", 28),
            Map.entry("PT", 25), Map.entry("SE", 24), Map.entry("SK", 24));

    public Iban {
        Require.nonBlank(value, "IBAN");
        if (!SHAPE.matcher(value).matches()) {
            throw new InvalidValueException("IBAN must be 2 letters, 2 check digits and 11 to 30 letters or digits");
        }
        Integer expected = LENGTHS.get(value.substring(0, 2));
        if (expected != null && expected != value.length()) {
            throw new InvalidValueException("IBAN of " + value.substring(0, 2) + " must have " + expected
                    + " characters, had " + value.length());
        }
        if (!checksumHolds(value)) {
            throw new InvalidValueException("IBAN check digits are wrong (ISO 13616 mod-97)");
        }
    }

    /** Accepts the printed form too ("DE89 3704 0044 0532 0130 00"). */
    public static Iban parse(String text) {
        Require.nonBlank(text, "IBAN");
        return new Iban(normalise(text));
    }

    /** True when the text is shaped like an IBAN (whether or not its check digits hold). */
    public static boolean looksLikeIban(String text) {
        return text != null && SHAPE.matcher(normalise(text)).matches();
    }

    public String countryCode() {
        return value.substring(0, 2);
    }

    private static String normalise(String text) {
        return text.replace(" ", "").strip().toUpperCase(Locale.ROOT);
    }

    private static boolean checksumHolds(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }

    @Override
    public String toString() {
        return value;
    }
}
