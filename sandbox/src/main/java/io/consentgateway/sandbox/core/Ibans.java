package io.consentgateway.sandbox.core;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/** ISO 13616 IBANs: the mod-97 check, and making valid ones for synthetic accounts. */
public final class Ibans {

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Ibans() {
    }

    /** Removes spaces and upper-cases: the electronic format. */
    public static String normalize(String value) {
        return value.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /** Whether the value looks like an IBAN at all (country code, two digits, the rest). */
    public static boolean looksLikeIban(String value) {
        return value != null && normalize(value).matches("[A-Z]{2}[0-9]{2}.*");
    }

    /** Whether the value is an IBAN in electronic or print format with valid check digits. */
    public static boolean isValid(String value) {
        if (value == null) {
            return false;
        }
        String iban = normalize(value);
        if (!SHAPE.matcher(iban).matches()) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        return numeric(rearranged).mod(NINETY_SEVEN).intValue() == 1;
    }

    /** Builds the IBAN for a country and a basic bank account number, computing the check digits. */
    public static String of(String country, String bban) {
        String candidate = bban + country + "00";
        int check = 98 - numeric(candidate).mod(NINETY_SEVEN).intValue();
        return country + String.format(Locale.ROOT, "%02d", check) + bban;
    }

    private static BigInteger numeric(String value) {
        StringBuilder digits = new StringBuilder(value.length() * 2);
        for (char c : value.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString());
    }
}
