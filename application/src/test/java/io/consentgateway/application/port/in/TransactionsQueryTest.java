package io.consentgateway.application.port.in;

import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionsQueryTest {
    static final UserId ALICE = new UserId("alice");
    final String id = ConsentId.random().toString();

    static List<String> badFields(Runnable parse) {
        try {
            parse.run();
        } catch (InvalidInput e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
        throw new AssertionError("expected InvalidInput");
    }

    @Test
    void theLimitDefaultsTo100() {
        assertThat(TransactionsQuery.parse(ALICE, id, null, null, null, null, null).limit()).isEqualTo(100);
    }

    @Test
    void limitsOf1And500AreAccepted() {
        assertThat(TransactionsQuery.parse(ALICE, id, null, null, null, "1", null).limit()).isEqualTo(1);
        assertThat(TransactionsQuery.parse(ALICE, id, null, null, null, "500", null).limit()).isEqualTo(500);
    }

    @Test
    void aLimitOf501IsNamed() {
        assertThat(badFields(() -> TransactionsQuery.parse(ALICE, id, null, null, null, "501", null))).containsExactly("limit");
    }

    @Test
    void aLimitOf0IsNamed() {
        assertThat(badFields(() -> TransactionsQuery.parse(ALICE, id, null, null, null, "0", null))).containsExactly("limit");
    }

    @Test
    void aFromAfterToIsNamed() {
        assertThat(badFields(() -> TransactionsQuery.parse(ALICE, id, null, "2026-02-01", "2026-01-01", null, null)))
                .containsExactly("from");
    }

    @Test
    void aMalformedDateIsNamed() {
        assertThat(badFields(() -> TransactionsQuery.parse(ALICE, id, null, "01.02.2026", null, null, null)))
                .containsExactly("from");
    }

    @Test
    void aConsentIdThatIsNoUuidIsNamed() {
        assertThat(badFields(() -> TransactionsQuery.parse(ALICE, "42", null, null, null, null, null))).containsExactly("id");
    }

    @Test
    void anOverlongCursorIsNamed() {
        assertThat(badFields(() -> TransactionsQuery.parse(ALICE, id, null, null, null, null, "c".repeat(513))))
                .containsExactly("cursor");
    }

    @Test
    void datesAndAccountAreParsed() {
        TransactionsQuery query = TransactionsQuery.parse(ALICE, id, " acc-1 ", "2026-01-01", "2026-01-31", "50", null);

        assertThat(query.accountId()).contains("acc-1");
        assertThat(query.from()).contains(LocalDate.of(2026, 1, 1));
        assertThat(query.to()).contains(LocalDate.of(2026, 1, 31));
        assertThat(query.cursor()).isEmpty();
    }

    @Test
    void aQueryBuiltDirectlyRefusesALimitOutOfRange() {
        assertThatThrownBy(() -> new TransactionsQuery(ALICE, ConsentId.random(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), 0, java.util.Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
