package io.consentgateway.adapter.out.persistence;

/**
 * A provider's id (of an account, of a transaction) as the key columns {@code account_key} and {@code transaction_key}
 * hold it: its UTF-16 code units, two bytes each, high byte first.
 *
 * <p>Why not the text: the port orders ids as {@link String#compareTo} does, by UTF-16 code unit. Bytes compared
 * unsigned, shorter first on a tie ({@code BYTEA} on PostgreSQL, {@code BINARY VARYING} on H2) give exactly that order,
 * on both databases and under any collation. A {@code TEXT} column gives the database's collation (a locale's, by
 * default); even {@code COLLATE "C"} compares code points, which puts a character beyond U+FFFF (an emoji, stored as
 * two code units from U+D800) after U+FF21, where Java puts it before. And every Java string round-trips, U+0000 and
 * unpaired surrogates included, which a PostgreSQL {@code TEXT} cannot hold.
 */
final class SortableId {
    private SortableId() {
    }

    static byte[] encode(String id) {
        byte[] bytes = new byte[id.length() * 2];
        for (int i = 0; i < id.length(); i++) {
            char unit = id.charAt(i);
            bytes[2 * i] = (byte) (unit >>> 8);
            bytes[2 * i + 1] = (byte) unit;
        }
        return bytes;
    }

    static String decode(byte[] bytes) {
        if (bytes.length % 2 != 0) {
            throw new IllegalStateException("a stored id has an odd number of bytes (" + bytes.length + ")");
        }
        char[] units = new char[bytes.length / 2];
        for (int i = 0; i < units.length; i++) {
            units[i] = (char) (((bytes[2 * i] & 0xFF) << 8) | (bytes[2 * i + 1] & 0xFF));
        }
        return new String(units);
    }
}
