package io.consentgateway.sandbox.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.consentgateway.sandbox.core.SyntheticLedger.Ledger;
import io.consentgateway.sandbox.core.SyntheticLedger.Transaction;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticLedgerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @Test
    void theSameSeedGivesTheSameLedger() {
        Ledger a = SyntheticLedger.generate(Profiles.GERMANY, "anna", TODAY, 400);
        Ledger b = SyntheticLedger.generate(Profiles.GERMANY, "anna", TODAY, 400);

        assertThat(a).isEqualTo(b);
    }

    @Test
    void differentUsersGetDifferentAccounts() {
        Ledger a = SyntheticLedger.generate(Profiles.GERMANY, "anna", TODAY, 400);
        Ledger b = SyntheticLedger.generate(Profiles.GERMANY, "ben", TODAY, 400);

        assertThat(a.accounts().get(0).iban()).isNotEqualTo(b.accounts().get(0).iban());
    }

    @Test
    void everyGeneratedAccountHasAValidIbanAndAtLeast500Transactions() {
        for (int i = 0; i < 20; i++) {
            for (var profile : List.of(Profiles.GERMANY, Profiles.SLOVAKIA)) {
                Ledger ledger = SyntheticLedger.generate(profile, "user-" + i, TODAY, 400);
                assertThat(ledger.accounts()).hasSizeBetween(1, 3);
                ledger.accounts().forEach(account -> {
                    assertThat(Ibans.isValid(account.iban())).as(account.iban()).isTrue();
                    assertThat(ledger.transactionsOf(account.id())).hasSizeGreaterThanOrEqualTo(500);
                });
            }
        }
    }

    @Test
    void aTransactionKeepsItsIdAndContentWhenTheWindowMovesOnADay() {
        Ledger today = SyntheticLedger.generate(Profiles.GERMANY, "anna", TODAY, 400);
        Ledger tomorrow = SyntheticLedger.generate(Profiles.GERMANY, "anna", TODAY.plusDays(1), 400);
        String account = today.accounts().get(0).id();

        Set<Transaction> bookedBoth = new HashSet<>(tomorrow.transactionsOf(account));
        List<Transaction> old = today.transactionsOf(account).stream()
                .filter(t -> t.booked() && t.bookingDate().isAfter(TODAY.minusDays(300))).toList();

        assertThat(bookedBoth).containsAll(old);
    }

    @Test
    void transactionIdsAreUnique() {
        Ledger ledger = SyntheticLedger.generate(Profiles.GERMANY, "anna", TODAY, 400);
        List<String> ids = ledger.transactions().values().stream().flatMap(List::stream).map(Transaction::id).toList();

        assertThat(ids).doesNotHaveDuplicates();
    }
}
