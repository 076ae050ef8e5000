package io.consentgateway.application.port.in;

/**
 * Use case: a consent's transactions, filtered and paged from the gateway's store (synced first when older than the max
 * age): a page costs the page, not the history. A read is user activity.
 */
public interface ReadTransactions {
    TransactionsPage transactions(TransactionsQuery query);
}
