package io.consentgateway.adapter.out.persistence;

import io.consentgateway.application.port.out.TransactionSlice;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** How the slice's key, date range and account become the two ends of one index range. */
class TransactionKeysetTest {
    private static final LocalDate DAY = LocalDate.of(2026, 2, 10);
    private static final byte[] NONE = new byte[0];

    @Test
    void withoutKeyOrRangeEverythingIsInTheRangeTheUndatedIncluded() {
        TransactionKeyset keyset = TransactionKeyset.of(slice(Optional.empty(), Optional.empty(), Optional.empty()));

        assertThat(keyset.startDay()).isEqualTo(Long.MIN_VALUE);
        assertThat(keyset.startAccount()).isEqualTo(NONE);
        assertThat(keyset.lastDay()).isEqualTo(SortDay.UNDATED);
    }

    @Test
    void aDateRangeStartsJustBeforeItsNewestDayAndEndsWithItsOldestLeavingTheUndatedOut() {
        TransactionKeyset keyset = TransactionKeyset.of(slice(Optional.empty(), Optional.of(DAY), Optional.of(DAY.plusDays(9))));

        assertThat(keyset.startDay()).isEqualTo(SortDay.of(DAY.plusDays(9)));
        assertThat(keyset.startId()).isEqualTo(NONE);
        assertThat(keyset.lastDay()).isEqualTo(SortDay.of(DAY));
        assertThat(TransactionKeyset.of(slice(Optional.empty(), Optional.empty(), Optional.of(DAY))).lastDay())
                .isEqualTo(SortDay.OLDEST).isLessThan(SortDay.UNDATED);
    }

    @Test
    void aKeyInsideTheRangeIsTheStartAndAKeyNewerThanTheRangeIsNot() {
        TransactionSlice.Key inside = new TransactionSlice.Key(Optional.of(DAY.plusDays(1)), "giro", "t");
        TransactionSlice.Key newer = new TransactionSlice.Key(Optional.of(DAY.plusDays(30)), "giro", "t");

        assertThat(TransactionKeyset.of(slice(Optional.of(inside), Optional.of(DAY), Optional.of(DAY.plusDays(9)))).startId())
                .isEqualTo(SortableId.encode("t"));
        assertThat(TransactionKeyset.of(slice(Optional.of(newer), Optional.of(DAY), Optional.of(DAY.plusDays(9)))).startDay())
                .isEqualTo(SortDay.of(DAY.plusDays(9)));
    }

    @Test
    void withinTheKeysAccountTheKeyStaysWithinALaterOneItsDayIsIncludedWithinAnEarlierOneNot() {
        TransactionKeyset keyset = TransactionKeyset.of(slice(Optional.of(new TransactionSlice.Key(Optional.of(DAY), "m", "t")),
                Optional.empty(), Optional.empty()));

        TransactionKeyset same = keyset.withinAccount(SortableId.encode("m")).orElseThrow();
        TransactionKeyset later = keyset.withinAccount(SortableId.encode("z")).orElseThrow();
        TransactionKeyset earlier = keyset.withinAccount(SortableId.encode("a")).orElseThrow();

        assertThat(same.startDay()).isEqualTo(SortDay.of(DAY));
        assertThat(same.startId()).isEqualTo(SortableId.encode("t"));
        assertThat(later.startDay()).isEqualTo(SortDay.of(DAY));
        assertThat(later.startId()).isEqualTo(NONE);
        assertThat(earlier.startDay()).isEqualTo(SortDay.of(DAY) + 1);
        assertThat(earlier.startId()).isEqualTo(NONE);
    }

    @Test
    void afterAnUndatedKeyAnEarlierAccountHasNothingLeftAndNothingOverflows() {
        TransactionKeyset keyset = TransactionKeyset.of(slice(Optional.of(new TransactionSlice.Key(Optional.empty(), "m", "t")),
                Optional.empty(), Optional.empty()));

        assertThat(keyset.withinAccount(SortableId.encode("a"))).isEmpty();
        assertThat(keyset.withinAccount(SortableId.encode("z"))).get().extracting(TransactionKeyset::startDay)
                .isEqualTo(SortDay.UNDATED);
    }

    private static TransactionSlice slice(Optional<TransactionSlice.Key> after, Optional<LocalDate> from, Optional<LocalDate> to) {
        return new TransactionSlice(Optional.empty(), from, to, after, 10);
    }
}
