package io.consentgateway.sandbox.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/**
 * A transaction to book after the fact on a synthetic account (see {@link LateBookings}), validated. Whether its date
 * lies inside the account's history is checked when it is booked, against the sandbox's clock.
 *
 * @param bookingDate      the day it is booked on, also its value date
 * @param amount           signed (negative: a debit), never zero, at most two decimals; kept with two
 * @param currency         an ISO 4217 code; null: the account's currency
 * @param counterpartyName the other party; null: {@value LateBookings#DEFAULT_TEXT}
 * @param purpose          the remittance information; null: {@value LateBookings#DEFAULT_TEXT}
 */
public record LateBooking(LocalDate bookingDate, BigDecimal amount, String currency, String counterpartyName,
                          String purpose) {

    /** Amounts stay below a billion, so that every one fits nrich's integer cents ({@code cents=true}). */
    public static final BigDecimal AMOUNT_LIMIT = new BigDecimal("1000000000");
    /** As long as a SEPA remittance text. */
    public static final int MAX_TEXT_LENGTH = 140;

    public LateBooking {
        if (bookingDate == null) {
            throw new IllegalArgumentException("bookingDate is required");
        }
        if (amount == null) {
            throw new IllegalArgumentException("amount is required");
        }
        if (amount.signum() == 0) {
            throw new IllegalArgumentException("amount must not be zero");
        }
        if (amount.abs().compareTo(AMOUNT_LIMIT) >= 0) {
            throw new IllegalArgumentException("amount must be less than " + AMOUNT_LIMIT.toPlainString()
                    + " either way");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("amount must have at most two decimals");
        }
        amount = amount.setScale(2);
        if (currency != null && !isCurrencyCode(currency)) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as EUR");
        }
        checkText("counterpartyName", counterpartyName);
        checkText("purpose", purpose);
    }

    private static boolean isCurrencyCode(String code) {
        if (!code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void checkText(String name, String value) {
        if (value != null && (value.isBlank() || value.length() > MAX_TEXT_LENGTH)) {
            throw new IllegalArgumentException(name + " must be 1 to " + MAX_TEXT_LENGTH + " characters, not blank");
        }
    }
}
