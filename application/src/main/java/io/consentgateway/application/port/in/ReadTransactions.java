package io.consentgateway.application.port.in;

/** Use case: a consent's transactions, filtered and paged. A read is user activity. */
public interface ReadTransactions {
    TransactionsPage transactions(TransactionsQuery query);
}
