package io.consentgateway.adapter.out.persistence;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A transaction's date as the column {@code sort_day} holds it: minus its day number (epoch day), so that ascending
 * order is newest first, and every column of the page indexes ascends. Then where a page starts is one row-value
 * comparison, {@code (sort_day, account_key, transaction_key) > (...)}, which PostgreSQL and H2 both serve from the
 * index; with a descending date among ascending ids it would have to be an {@code OR} of ranges, which neither does.
 */
final class SortDay {
    /** An undated transaction: after every dated one. */
    static final long UNDATED = Long.MAX_VALUE;
    /** The last day any date can have: the one of {@link LocalDate#MIN}. */
    static final long OLDEST = of(LocalDate.MIN);

    private SortDay() {
    }

    static long of(LocalDate date) {
        return -date.toEpochDay();
    }

    static long of(Optional<LocalDate> date) {
        return date.map(SortDay::of).orElse(UNDATED);
    }
}
