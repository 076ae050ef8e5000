package io.consentgateway.adapter.out.persistence.payload;

import io.consentgateway.domain.finance.Money;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Writes a payload: a format version byte, then values in a fixed order, each in the form {@link PayloadReader} reads
 * back. Nothing names a field; the order is the format, so a change of order or of a field's form needs a new version.
 * <ul>
 *   <li>text: its UTF-8 length (int) and bytes; an optional: a presence flag, then the value; a list: its size, then
 *       the items;</li>
 *   <li>a decimal: its scale (int) and its unscaled value's two's-complement bytes (length, bytes), so {@code 1.10} stays
 *       {@code 1.10} and any size and scale round-trip; money: the decimal and the currency code;</li>
 *   <li>a date: its epoch day (long); an instant: epoch second (long) and nanosecond (int).</li>
 * </ul>
 */
final class PayloadWriter {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    private final DataOutputStream out = new DataOutputStream(bytes);

    PayloadWriter(int version) {
        write(() -> out.writeByte(version));
    }

    PayloadWriter text(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        return write(() -> {
            out.writeInt(utf8.length);
            out.write(utf8);
        });
    }

    PayloadWriter flag(boolean value) {
        return write(() -> out.writeBoolean(value));
    }

    PayloadWriter integer(int value) {
        return write(() -> out.writeInt(value));
    }

    PayloadWriter decimal(BigDecimal value) {
        byte[] unscaled = value.unscaledValue().toByteArray();
        return write(() -> {
            out.writeInt(value.scale());
            out.writeInt(unscaled.length);
            out.write(unscaled);
        });
    }

    PayloadWriter money(Money value) {
        return decimal(value.amount()).text(value.currency().getCurrencyCode());
    }

    PayloadWriter date(LocalDate value) {
        return write(() -> out.writeLong(value.toEpochDay()));
    }

    PayloadWriter instant(Instant value) {
        return write(() -> {
            out.writeLong(value.getEpochSecond());
            out.writeInt(value.getNano());
        });
    }

    /** A value of several parts, in the form {@code part} writes it. */
    <T> PayloadWriter part(T value, BiConsumer<PayloadWriter, T> part) {
        part.accept(this, value);
        return this;
    }

    /** A presence flag, then the value in the form {@code part} writes it. */
    <T> PayloadWriter optional(Optional<T> value, BiConsumer<PayloadWriter, T> part) {
        flag(value.isPresent());
        value.ifPresent(present -> part.accept(this, present));
        return this;
    }

    /** The number of items, then each in the form {@code part} writes it. */
    <T> PayloadWriter list(List<T> items, BiConsumer<PayloadWriter, T> part) {
        integer(items.size());
        items.forEach(item -> part.accept(this, item));
        return this;
    }

    /** The payload so far, in Base64: the text the cipher encrypts. */
    String toBase64() {
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private interface Write {
        void run() throws IOException;
    }

    private PayloadWriter write(Write write) {
        try {
            write.run();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("a ByteArrayOutputStream does not fail", e);
        }
    }
}
