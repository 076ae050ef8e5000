package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.crypto.SecretCipher;
import io.consentgateway.adapter.out.persistence.crypto.SecretColumn;
import io.consentgateway.adapter.out.persistence.crypto.StoredSecretUnreadable;
import io.consentgateway.adapter.out.persistence.payload.FinancePayloads;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.shared.ConsentId;

import java.util.Base64;

/**
 * The account data store's payloads as stored: {@link FinancePayloads encoded}, then encrypted with the
 * {@link SecretCipher} and bound to their row, so a payload copied into another row (another consent's, another
 * transaction's) fails to decrypt with {@link StoredSecretUnreadable}, and so does one under a key no longer configured.
 *
 * <p>A row is named by its key: {@code <consent id>/<account key>[/<transaction key>]}, the keys in Base64url of their
 * {@link SortableId} bytes. Neither a UUID nor Base64url holds a {@code '/'}, so no two rows share a name, whatever
 * characters the provider's ids contain.
 */
final class SealedPayloads {
    static final SecretColumn ACCOUNT = new SecretColumn("stored_accounts", "payload");
    static final SecretColumn TRANSACTION = new SecretColumn("stored_transactions", "payload");
    static final SecretColumn INCOME_REPORT = new SecretColumn("consent_data", "income_report");

    private static final Base64.Encoder ROW_NAME = Base64.getUrlEncoder().withoutPadding();

    private final SecretCipher cipher;

    SealedPayloads(SecretCipher cipher) {
        this.cipher = cipher;
    }

    String seal(ConsentId consent, Account account) {
        return cipher.encrypt(FinancePayloads.account(account), ACCOUNT.at(row(consent, account.id())));
    }

    Account openAccount(ConsentId consent, String accountId, String sealed) {
        return FinancePayloads.account(accountId, cipher.decrypt(sealed, ACCOUNT.at(row(consent, accountId))));
    }

    String seal(ConsentId consent, Transaction transaction) {
        return cipher.encrypt(FinancePayloads.transaction(transaction),
                TRANSACTION.at(row(consent, transaction.accountId(), transaction.id())));
    }

    Transaction openTransaction(ConsentId consent, String accountId, String id, String sealed) {
        return FinancePayloads.transaction(accountId, id,
                cipher.decrypt(sealed, TRANSACTION.at(row(consent, accountId, id))));
    }

    String seal(ConsentId consent, IncomeReport report) {
        return cipher.encrypt(FinancePayloads.incomeReport(report), INCOME_REPORT.at(consent));
    }

    IncomeReport openIncomeReport(ConsentId consent, String sealed) {
        return FinancePayloads.incomeReport(cipher.decrypt(sealed, INCOME_REPORT.at(consent)));
    }

    /** The name of a row in the associated data, for the error message of a payload that does not decrypt too. */
    static String row(ConsentId consent, String... ids) {
        byte[][] keys = new byte[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            keys[i] = SortableId.encode(ids[i]);
        }
        return rowOfKeys(consent.value(), keys);
    }

    /** The same name from the row's key columns as stored ({@code account_key}, {@code transaction_key}). */
    static String rowOfKeys(java.util.UUID consent, byte[]... keys) {
        StringBuilder name = new StringBuilder(consent.toString());
        for (byte[] key : keys) {
            name.append('/').append(ROW_NAME.encodeToString(key));
        }
        return name.toString();
    }
}
