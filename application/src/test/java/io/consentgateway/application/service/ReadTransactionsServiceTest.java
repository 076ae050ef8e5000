package io.consentgateway.application.service;

import io.consentgateway.application.port.in.FieldError;
import io.consentgateway.application.port.in.InvalidInput;
import io.consentgateway.application.port.in.TransactionsPage;
import io.consentgateway.application.port.in.TransactionsQuery;
import io.consentgateway.application.port.out.SyncRun;
import io.consentgateway.domain.finance.Money;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.shared.ConsentId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static io.consentgateway.application.service.GatewayHarness.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadTransactionsServiceTest {
    final GatewayHarness h = new GatewayHarness();
    final ConsentId id = h.connectOngoing(ALICE);

    List<TransactionsPage> walk(String account, int limit) {
        List<TransactionsPage> pages = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            TransactionsPage page = h.page(ALICE, id, account, limit, cursor.orElse(null));
            pages.add(page);
            cursor = page.nextCursor();
        } while (cursor.isPresent() && pages.size() < 100);
        return pages;
    }

    static List<Transaction> all(List<TransactionsPage> pages) {
        return pages.stream().flatMap(p -> p.transactions().stream()).toList();
    }

    @Test
    void limitAndCursorWalkAll250TransactionsWithoutDuplicates() {
        List<TransactionsPage> pages = walk(null, 100);

        assertThat(pages).extracting(p -> p.transactions().size()).containsExactly(100, 100, 50);
        assertThat(all(pages)).extracting(Transaction::id).hasSize(250).doesNotHaveDuplicates();
    }

    @Test
    void transactionsComeNewestFirstAcrossPages() {
        List<LocalDate> dates = all(walk(null, 100)).stream().map(t -> t.effectiveDate().orElseThrow()).toList();

        assertThat(dates).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void theLastPageHasNoCursor() {
        TransactionsPage everything = h.page(ALICE, id, null, 500, null);

        assertThat(everything.transactions()).hasSize(250);
        assertThat(everything.nextCursor()).isEmpty();
    }

    @Test
    void theCursorIsOpaque() {
        String cursor = h.page(ALICE, id, null, 100, null).nextCursor().orElseThrow();

        assertThat(cursor).matches("[A-Za-z0-9_-]+").doesNotContain("100");
    }

    @Test
    void theDefaultPageHolds100Transactions() {
        TransactionsPage page = h.readTransactions.transactions(
                TransactionsQuery.parse(ALICE, id.toString(), null, null, null, null, null));

        assertThat(page.transactions()).hasSize(100);
    }

    @Test
    void anAccountFilterIsPassedToTheProviderAndPagedToo() {
        List<Transaction> acc2 = all(walk("acc-2", 20));

        assertThat(acc2).hasSize(50).allMatch(t -> t.accountId().equals("acc-2"));
        assertThat(acc2).extracting(Transaction::id).doesNotHaveDuplicates();
    }

    @Test
    void anAccountThatIsNotPartOfTheConsentIsRejectedNamingAccount() {
        assertThatThrownBy(() -> h.page(ALICE, id, "acc-of-somebody-else", 100, null))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("account"));
    }

    @Test
    void aCursorFromAnotherFilterIsRejectedNamingCursorWithoutCallingTheProvider() {
        String cursor = h.page(ALICE, id, null, 100, null).nextCursor().orElseThrow();
        int dataCalls = h.fake.dataCalls.get();

        assertThatThrownBy(() -> h.page(ALICE, id, "acc-1", 100, cursor))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("cursor"));
        assertThat(h.fake.dataCalls).hasValue(dataCalls);
    }

    @Test
    void twoAccountsCarryingTheSameTransactionIdOnOneDayAreEachPagedOnce() {
        LocalDate day = LocalDate.of(2026, 3, 1);
        List<Transaction> history = new ArrayList<>();
        for (String account : List.of("acc-1", "acc-2", "acc-3")) {
            for (int i = 0; i < 3; i++) {
                history.add(booked("tx-" + i, account, day));
            }
        }
        h.store.store(id, new SyncRun(h.store.accounts(id), history, Optional.empty(), Optional.empty(), h.clock.instant(),
                Optional.empty()));

        List<String> seen = all(walk(null, 2)).stream().filter(t -> t.id().matches("tx-\\d"))
                .map(t -> t.accountId() + "/" + t.id()).toList();

        assertThat(seen).hasSize(9).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-cursor", "!!!", "djE6MTAw"})
    void aForgedCursorIsRejectedNamingCursor(String forged) {
        assertThatThrownBy(() -> h.page(ALICE, id, null, 100, forged))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("cursor"));
    }

    @Test
    void aCursorWithATamperedKeyIsRejectedNamingCursor() {
        String genuine = h.page(ALICE, id, null, 100, null).nextCursor().orElseThrow();
        String raw = new String(Base64.getUrlDecoder().decode(genuine), StandardCharsets.UTF_8);
        String tampered = raw.replaceFirst(":\\d{4}-\\d{2}-\\d{2}:", ":not-a-date:");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(tampered.getBytes(StandardCharsets.UTF_8));

        assertThat(tampered).isNotEqualTo(raw);
        assertThatThrownBy(() -> h.page(ALICE, id, null, 100, forged))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("cursor"));
    }

    @Test
    void aTransactionStoredBetweenTwoPagesNeitherRepeatsNorHidesAnItem() {
        TransactionsPage first = h.page(ALICE, id, null, 100, null);
        List<Transaction> expectedNext = all(walk(null, 500)).subList(100, 200);
        Transaction lateBooking = booked("tx-new", "acc-1", first.transactions().get(0).bookingDate().orElseThrow());
        h.store.store(id, new SyncRun(h.store.accounts(id), List.of(lateBooking), Optional.empty(), Optional.empty(),
                h.clock.instant(), Optional.empty()));

        TransactionsPage second = h.page(ALICE, id, null, 100, first.nextCursor().orElseThrow());

        assertThat(second.transactions()).containsExactlyElementsOf(expectedNext);
    }

    @Test
    void pagesAreServedFromTheStoreSoTheProviderServesTheHistoryOnce() {
        int dataCalls = h.fake.dataCalls.get();

        List<TransactionsPage> pages = walk(null, 10);

        assertThat(pages).hasSize(25);
        assertThat(h.fake.dataCalls).hasValue(dataCalls + 2); // the first page's sync: the accounts, then the history
    }

    private static Transaction booked(String id, String account, LocalDate day) {
        return new Transaction(id, account, Money.of("-1.00", "EUR"), Optional.of(day), Optional.empty(), true,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 501})
    void aLimitOutside1To500IsRejectedNamingLimit(int limit) {
        assertThatThrownBy(() -> h.page(ALICE, id, null, limit, null))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("limit"));
    }

    @Test
    void readingTransactionsRefreshesAnExpiredAccessTokenFirst() {
        h.advance(java.time.Duration.ofHours(2));

        assertThat(h.page(ALICE, id, null, 10, null).transactions()).hasSize(10);
        assertThat(h.fake.refreshCalls).hasValue(1);
    }
}
