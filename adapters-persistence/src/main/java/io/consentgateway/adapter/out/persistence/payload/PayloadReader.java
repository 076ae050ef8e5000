package io.consentgateway.adapter.out.persistence.payload;

import io.consentgateway.domain.finance.Money;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a payload {@link PayloadWriter} wrote, in the same order. A payload is read only after it decrypted, so it is
 * the adapter's own: one that does not read (an unknown version, too short, too long) is a fault of the code, reported
 * as {@link UnreadablePayload}, never skipped.
 */
final class PayloadReader {
    /** No single value of a payload is larger; a longer length is a damaged payload, not a request to allocate it. */
    private static final int MAX_LENGTH = 16 * 1024 * 1024;

    private final DataInputStream in;
    private final int available;

    private PayloadReader(byte[] payload) {
        this.in = new DataInputStream(new ByteArrayInputStream(payload));
        this.available = payload.length;
    }

    /**
     * Reads a whole payload of format {@code version} with {@code reading}, and checks that nothing is left. A value the
     * JDK or the domain refuses (a day out of range, an invalid IBAN) means the payload was not written in this form:
     * it is reported as {@link UnreadablePayload} too, naming the refusal's type only, never a value.
     */
    static <T> T read(String base64, int version, Function<PayloadReader, T> reading) {
        PayloadReader reader = open(base64, version);
        T value;
        try {
            value = reading.apply(reader);
        } catch (UnreadablePayload unreadable) {
            throw unreadable;
        } catch (RuntimeException refused) {
            throw new UnreadablePayload("a value in it is refused (" + refused.getClass().getSimpleName() + ")");
        }
        reader.end();
        return value;
    }

    /** A reader past the version byte, which must be {@code version}. */
    private static PayloadReader open(String base64, int version) {
        byte[] payload;
        try {
            payload = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new UnreadablePayload("it is not Base64");
        }
        PayloadReader reader = new PayloadReader(payload);
        int stored = reader.read(DataInputStream::readUnsignedByte);
        if (stored != version) {
            throw new UnreadablePayload("it has format version " + stored + ", this code reads version " + version);
        }
        return reader;
    }

    String text() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    boolean flag() {
        return read(DataInputStream::readBoolean);
    }

    int integer() {
        return read(DataInputStream::readInt);
    }

    BigDecimal decimal() {
        int scale = integer();
        return new BigDecimal(new BigInteger(bytes()), scale);
    }

    Money money() {
        BigDecimal amount = decimal();
        return new Money(amount, currency());
    }

    Currency currency() {
        String code = text();
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new UnreadablePayload("it names an unknown currency");
        }
    }

    LocalDate date() {
        return LocalDate.ofEpochDay(read(DataInputStream::readLong));
    }

    Instant instant() {
        long seconds = read(DataInputStream::readLong);
        return Instant.ofEpochSecond(seconds, integer());
    }

    <T> Optional<T> optional(Function<PayloadReader, T> part) {
        return flag() ? Optional.of(part.apply(this)) : Optional.empty();
    }

    <T> List<T> list(Function<PayloadReader, T> part) {
        int size = length();
        List<T> items = new ArrayList<>(Math.min(size, 1024));
        for (int i = 0; i < size; i++) {
            items.add(part.apply(this));
        }
        return items;
    }

    /** Checks that the whole payload was read: trailing bytes mean it was written in another form. */
    private void end() {
        if (read(DataInputStream::available) != 0) {
            throw new UnreadablePayload("it has bytes beyond its last value");
        }
    }

    private byte[] bytes() {
        int length = length();
        byte[] value = new byte[length];
        read(in -> {
            in.readFully(value);
            return value;
        });
        return value;
    }

    private int length() {
        int length = integer();
        if (length < 0 || length > Math.min(MAX_LENGTH, available)) {
            throw new UnreadablePayload("it holds a length of " + length);
        }
        return length;
    }

    private interface Read<T> {
        T from(DataInputStream in) throws IOException;
    }

    private <T> T read(Read<T> read) {
        try {
            return read.from(in);
        } catch (IOException e) {
            throw new UnreadablePayload("it ends before its last value");
        }
    }
}
