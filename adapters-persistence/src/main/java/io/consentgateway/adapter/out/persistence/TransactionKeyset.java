package io.consentgateway.adapter.out.persistence;

import io.consentgateway.application.port.out.TransactionSlice;

import java.util.Arrays;
import java.util.Optional;

/**
 * A {@link TransactionSlice} as one range of an index of {@code stored_transactions}: the rows whose key
 * {@code (sort_day, account_key, transaction_key)} comes after {@link #startDay() (startDay, startAccount, startId)} and
 * whose {@code sort_day} is at most {@link #lastDay()}. A page is the first {@code limit} rows of the range, so it costs
 * the page, however long the history.
 *
 * <p>The slice's three ways of narrowing fold into the range's two ends. The key {@code after} is the start. A date
 * range moves the start to just before its newest day (past the key, if the key is older) and the end to its oldest
 * day; since {@link SortDay#UNDATED} lies past any date, a date range also leaves the undated out. An account narrows
 * the range to that account's index ({@link #withinAccount}).
 */
final class TransactionKeyset {
    private static final byte[] NONE = new byte[0];

    private final long startDay;
    private final byte[] startAccount;
    private final byte[] startId;
    private final long lastDay;

    private TransactionKeyset(long startDay, byte[] startAccount, byte[] startId, long lastDay) {
        this.startDay = startDay;
        this.startAccount = startAccount;
        this.startId = startId;
        this.lastDay = lastDay;
    }

    static TransactionKeyset of(TransactionSlice slice) {
        boolean ranged = slice.from().isPresent() || slice.to().isPresent();
        // (day, NONE, NONE) lies before every stored row of that day: stored ids are never empty.
        long firstDay = slice.to().map(SortDay::of).orElse(Long.MIN_VALUE);
        long lastDay = ranged ? slice.from().map(SortDay::of).orElse(SortDay.OLDEST) : SortDay.UNDATED;
        return slice.after()
                .map(key -> new TransactionKeyset(SortDay.of(key.date()), SortableId.encode(key.accountId()),
                        SortableId.encode(key.id()), lastDay))
                .filter(afterKey -> afterKey.startDay >= firstDay)
                .orElseGet(() -> new TransactionKeyset(firstDay, NONE, NONE, lastDay));
    }

    /**
     * The same range within one account, where the index is {@code (account_key, sort_day, transaction_key)} and only
     * {@code (sort_day, transaction_key)} is compared. The account's rows on the start's day all come after the start if
     * the account sorts after the start's account, none of them if it sorts before. Empty when nothing of the account
     * can follow.
     */
    Optional<TransactionKeyset> withinAccount(byte[] account) {
        int accountOrder = Arrays.compareUnsigned(account, startAccount);
        if (accountOrder == 0) {
            return Optional.of(this);
        }
        if (accountOrder > 0) {
            return Optional.of(new TransactionKeyset(startDay, account, NONE, lastDay));
        }
        if (startDay >= lastDay) {
            return Optional.empty(); // only later days follow, and the range has none
        }
        return Optional.of(new TransactionKeyset(startDay + 1, account, NONE, lastDay));
    }

    long startDay() {
        return startDay;
    }

    byte[] startAccount() {
        return startAccount.clone();
    }

    byte[] startId() {
        return startId.clone();
    }

    long lastDay() {
        return lastDay;
    }
}
