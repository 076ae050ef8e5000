package io.consentgateway.adapter.out.persistence.crypto;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A column that holds an encrypted secret, e.g. {@code consents.access_token_enc}. A ciphertext is bound to its
 * column and row through the GCM associated data ({@code consents.access_token:<row id>}), so a value copied into
 * another row or column fails to decrypt.
 *
 * @param table   the table, e.g. {@code consents}
 * @param purpose the secret's name (without the {@code _enc} suffix), e.g. {@code access_token}
 */
public record SecretColumn(String table, String purpose) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public SecretColumn {
        if (table == null || !NAME.matcher(table).matches() || purpose == null || !NAME.matcher(purpose).matches()) {
            throw new IllegalArgumentException("table and purpose must be lower-case SQL names");
        }
    }

    /** This column in one row. */
    public Location at(Object rowId) {
        return new Location(this, Objects.requireNonNull(rowId, "row id").toString());
    }

    /** One stored value: a column of a row. Prints as {@code consents.access_token of row <id>}. */
    public record Location(SecretColumn column, String rowId) {
        public Location {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(rowId, "row id");
        }

        /** What the ciphertext is bound to: {@code consents.access_token:<id>}. */
        String associatedData() {
            return column.table() + "." + column.purpose() + ":" + rowId;
        }

        @Override
        public String toString() {
            return column.table() + "." + column.purpose() + " of row " + rowId;
        }
    }
}
