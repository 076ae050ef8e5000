package io.consentgateway.adapter.in.rest.dto;

import io.consentgateway.application.port.in.TransactionsPage;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * One page of transactions, newest first. Pass {@code nextCursor} back as {@code cursor} for the next page; absent on the
 * last. {@code syncedAt}: when the gateway last read the transactions from the provider.
 */
@Schema(name = "TransactionsPage", example = "{\"transactions\":[{\"id\":\"T1\",\"accountId\":\"A1.1\",\"amount\":{\"amount\":-42.10,"
        + "\"currency\":\"EUR\"},\"bookingDate\":\"2026-11-20\",\"booked\":true,\"counterpartyName\":\"Bäckerei Schmidt\","
        + "\"purpose\":\"Kartenzahlung\"}],\"nextCursor\":\"djE6MTAwOjFhMmIzYw\","
        + "\"syncedAt\":\"2026-11-22T10:02:12Z\"}")
public record TransactionsPageResponse(List<TransactionResponse> transactions, String nextCursor, String syncedAt) {
    public static TransactionsPageResponse of(TransactionsPage page) {
        return new TransactionsPageResponse(page.transactions().stream().map(TransactionResponse::of).toList(),
                page.nextCursor().orElse(null), page.syncedAt().toString());
    }
}
