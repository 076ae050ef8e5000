package io.consentgateway.adapter.in.rest.dto;

import io.consentgateway.domain.finance.Transaction;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** One transaction; negative amounts are debits. */
@Schema(name = "Transaction", description = "One transaction; negative amounts are debits.",
        example = "{\"id\":\"T723C953FD1B147CD\",\"accountId\":\"A08771A0D.1\",\"amount\":{\"amount\":-29.63,"
                + "\"currency\":\"EUR\"},\"bookingDate\":\"2026-11-20\",\"valueDate\":\"2026-11-20\","
                + "\"booked\":true,\"counterpartyName\":\"Fitwerk Studio\","
                + "\"counterpartyIban\":\"DE10200300401059393861\",\"purpose\":\"Fitwerk Studio 2026-11\","
                + "\"bookingText\":\"Lastschrift\",\"type\":\"Direct debit\",\"categories\":[\"Leisure\"],"
                + "\"mandateReference\":\"MNDT-297467E3\",\"creditorId\":\"DE98ZZZ80700271617\"}")
public record TransactionResponse(String id, String accountId, MoneyResponse amount, String bookingDate, String valueDate,
                                  boolean booked, String counterpartyName, String counterpartyIban, String counterpartyBic,
                                  String purpose, String bookingText, String type, List<String> categories,
                                  String endToEndReference, String mandateReference, String creditorId) {
    public static TransactionResponse of(Transaction t) {
        return new TransactionResponse(t.id(), t.accountId(), MoneyResponse.of(t.amount()),
                t.bookingDate().map(LocalDate::toString).orElse(null), t.valueDate().map(LocalDate::toString).orElse(null),
                t.booked(), t.counterpartyName().orElse(null), t.counterpartyIban().orElse(null), t.counterpartyBic().orElse(null),
                t.purpose().orElse(null), t.bookingText().orElse(null), t.type().orElse(null),
                t.categories().isEmpty() ? null : t.categories(), t.endToEndReference().orElse(null),
                t.mandateReference().orElse(null), t.creditorId().orElse(null));
    }
}
