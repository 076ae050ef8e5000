package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.crypto.KeyRing;
import io.consentgateway.adapter.out.persistence.crypto.SecretCipher;
import io.consentgateway.adapter.out.persistence.crypto.SecretColumn;
import io.consentgateway.adapter.out.persistence.crypto.StoredSecretUnreadable;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Finishes a key rotation: writes every stored secret that is still under another key of the ring again under the
 * current key, bound to the same row, so that the old key can leave the ring without a row becoming unreadable. Every
 * encrypted column takes part — the tokens, the flows' state, verifier and held codes, and the account data store's
 * accounts, transactions and income reports.
 *
 * <p>Each column is walked once along its primary key, a batch at a time ({@link #BATCH}), and the database hands over
 * only the values whose header names another key. A value is replaced only if it is still the one that was read (a
 * compare-and-set on the ciphertext), in a transaction of its own: a save, a refresh or a sync that wrote the row
 * meanwhile has written it under the current key already, and keeps what it wrote. Several nodes may run this at once; they only repeat each other's
 * reads. A value that does not decrypt (a key no longer in the ring, an altered value) is left as it is and counted.
 */
public final class KeyRotation {
    /** Rows read per statement. */
    static final int BATCH = 500;

    /** An encrypted column: its table's primary key, in order, and how a row is named in the associated data. */
    private record Sealed(SecretColumn column, List<String> keys, RowName name) {
        String valueColumn() {
            return column.purpose() + "_enc";
        }
    }

    @FunctionalInterface
    private interface RowName {
        String of(ResultSet rs) throws SQLException;
    }

    /**
     * Every encrypted column, with the row names its repository binds its values to ({@link JdbiConsents},
     * {@link JdbiFlows}, {@link SealedPayloads}).
     */
    private static final List<Sealed> COLUMNS = List.of(
            byId(JdbiConsents.ACCESS_TOKEN), byId(JdbiConsents.REFRESH_TOKEN),
            byId(JdbiFlows.STATE), byId(JdbiFlows.PKCE_VERIFIER), byId(JdbiFlows.HELD_CODE),
            byId(JdbiFlows.CONFIRMATION_CODE),
            new Sealed(SealedPayloads.INCOME_REPORT, List.of("consent_id"), rs -> consent(rs).toString()),
            new Sealed(SealedPayloads.ACCOUNT, List.of("consent_id", "account_key"),
                    rs -> SealedPayloads.rowOfKeys(consent(rs), rs.getBytes("account_key"))),
            new Sealed(SealedPayloads.TRANSACTION, List.of("consent_id", "account_key", "transaction_key"),
                    rs -> SealedPayloads.rowOfKeys(consent(rs), rs.getBytes("account_key"), rs.getBytes("transaction_key"))));

    private final Database database;
    private final KeyRing keys;
    private final SecretCipher cipher;

    KeyRotation(Database database, KeyRing keys) {
        this.database = database;
        this.keys = keys;
        this.cipher = new SecretCipher(keys);
    }

    /**
     * What a run did, by column ({@code consents.access_token_enc}, …): how many values it wrote under the current key,
     * and how many under another key it could not decrypt and left.
     */
    public record Result(Map<String, Long> reEncrypted, Map<String, Long> unreadable, boolean stopped) {
        public Result {
            reEncrypted = Collections.unmodifiableMap(new LinkedHashMap<>(reEncrypted));
            unreadable = Collections.unmodifiableMap(new LinkedHashMap<>(unreadable));
        }

        public long reEncryptedTotal() {
            return reEncrypted.values().stream().mapToLong(Long::longValue).sum();
        }

        public long unreadableTotal() {
            return unreadable.values().stream().mapToLong(Long::longValue).sum();
        }

        @Override
        public String toString() {
            return reEncryptedTotal() + " value(s) re-encrypted " + nonZero(reEncrypted) + ", " + unreadableTotal()
                    + " unreadable left as they are " + nonZero(unreadable) + (stopped ? " (stopped before the end)" : "");
        }

        private static String nonZero(Map<String, Long> counts) {
            return counts.entrySet().stream().filter(e -> e.getValue() > 0).map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ", "[", "]"));
        }
    }

    /** Whether any value can be under another key: only when the ring holds more keys than the current one. */
    public boolean mayHaveWork() {
        return keys.keyIds().size() > 1;
    }

    /** The id of the key every value is written under when this run is done. */
    public String currentKeyId() {
        return keys.currentKeyId();
    }

    /**
     * Walks every encrypted column once.
     *
     * @param goOn asked before each batch; {@code false} stops the run there (the server is stopping): what was
     *             written stays written, and the next run starts over
     */
    public Result run(BooleanSupplier goOn) {
        Map<String, Long> written = new LinkedHashMap<>();
        Map<String, Long> unreadable = new LinkedHashMap<>();
        for (Sealed sealed : COLUMNS) {
            String name = sealed.column().table() + "." + sealed.valueColumn();
            long[] counts = new long[2];
            boolean finished = walk(sealed, goOn, counts);
            written.put(name, counts[0]);
            unreadable.put(name, counts[1]);
            if (!finished) {
                return new Result(written, unreadable, true);
            }
        }
        return new Result(written, unreadable, false);
    }

    /** One column, batch by batch along its key; answers whether it reached the end. */
    private boolean walk(Sealed sealed, BooleanSupplier goOn, long[] counts) {
        List<Object> after = null;
        while (goOn.getAsBoolean()) {
            List<Object> from = after;
            List<Row> rows = database.onOwnConnection(handle -> {
                List<Row> read = read(handle, sealed, from);
                for (Row row : read) {
                    String fresh;
                    try {
                        fresh = cipher.encrypt(cipher.decrypt(row.value(), sealed.column().at(row.name())),
                                sealed.column().at(row.name()));
                    } catch (StoredSecretUnreadable unreadable) {
                        counts[1]++;
                        continue;
                    }
                    counts[0] += replace(handle, sealed, row, fresh);
                }
                return read;
            });
            if (rows.size() < BATCH) {
                return true;
            }
            after = rows.get(rows.size() - 1).keys();
        }
        return false;
    }

    private record Row(List<Object> keys, String name, String value) {
    }

    private List<Row> read(Handle handle, Sealed sealed, List<Object> after) {
        String keyList = String.join(", ", sealed.keys());
        String sql = "SELECT " + keyList + ", " + sealed.valueColumn() + " FROM " + sealed.column().table()
                + " WHERE " + sealed.valueColumn() + " IS NOT NULL AND " + sealed.valueColumn() + " NOT LIKE :current ESCAPE '!'"
                + (after == null ? "" : " AND (" + keyList + ") > (" + placeholders(sealed, "after_") + ")")
                + " ORDER BY " + keyList + " LIMIT :limit";
        Query query = handle.createQuery(sql).bind("current", currentPrefix()).bind("limit", BATCH);
        if (after != null) {
            bindKeys(query, sealed, "after_", after);
        }
        return query.map((rs, ctx) -> {
            List<Object> keyValues = new ArrayList<>();
            for (String key : sealed.keys()) {
                keyValues.add(key.endsWith("_key") ? rs.getBytes(key) : Columns.uuid(rs, key));
            }
            return new Row(keyValues, sealed.name().of(rs), rs.getString(sealed.valueColumn()));
        }).list();
    }

    /**
     * Writes the row's new value if the row still holds the value that was read; answers 1 if it did. One row a
     * transaction: the run never holds one row's lock while it waits for another's, so it can never be part of a
     * deadlock with a save or a sync that writes the same rows in another order. On PostgreSQL the commit does not wait
     * for the disk ({@code synchronous_commit} off for these transactions only): a re-encryption lost in a crash leaves
     * the old value, which still decrypts, and the next run writes it again.
     */
    private int replace(Handle handle, Sealed sealed, Row row, String fresh) {
        StringBuilder where = new StringBuilder();
        for (String key : sealed.keys()) {
            where.append(key).append(" = :key_").append(key).append(" AND ");
        }
        String sql = "UPDATE " + sealed.column().table() + " SET " + sealed.valueColumn() + " = :fresh WHERE " + where
                + sealed.valueColumn() + " = :read";
        return handle.inTransaction(transaction -> {
            if (database.dialect() == Dialect.POSTGRESQL) {
                transaction.execute("SET LOCAL synchronous_commit TO OFF");
            }
            Update update = transaction.createUpdate(sql).bind("fresh", fresh).bind("read", row.value());
            bindKeys(update, sealed, "key_", row.keys());
            return update.execute();
        });
    }

    private static void bindKeys(org.jdbi.v3.core.statement.SqlStatement<?> statement, Sealed sealed, String prefix,
                                 List<Object> values) {
        for (int i = 0; i < sealed.keys().size(); i++) {
            Object value = values.get(i);
            String name = prefix + sealed.keys().get(i);
            if (value instanceof UUID uuid) {
                statement.bind(name, Columns.uuid(uuid));
            } else {
                statement.bind(name, (byte[]) value);
            }
        }
    }

    private static String placeholders(Sealed sealed, String prefix) {
        return sealed.keys().stream().map(key -> ":" + prefix + key).collect(Collectors.joining(", "));
    }

    /** The header of a value under the current key, as a LIKE pattern: a key id's {@code _} is a literal there. */
    private String currentPrefix() {
        return SecretCipher.headerOf(keys.currentKeyId()).replace("!", "!!").replace("_", "!_").replace("%", "!%") + "%";
    }

    private static Sealed byId(SecretColumn column) {
        return new Sealed(column, List.of("id"), rs -> Columns.uuid(rs, "id").toString());
    }

    private static UUID consent(ResultSet rs) throws SQLException {
        return Columns.uuid(rs, "consent_id");
    }
}
