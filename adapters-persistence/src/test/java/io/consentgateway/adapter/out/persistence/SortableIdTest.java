package io.consentgateway.adapter.out.persistence;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SortableIdTest {

    @Test
    void everyJavaStringRoundTripsIncludingWhatTextColumnsCannotHold() {
        for (String id : List.of("acc-1", "", "\u0000", "a\u0000b", "\uD800", "x\uDC00y", "\uD83D\uDCB3", "é€", "\uFFFF")) {
            assertThat(SortableId.decode(SortableId.encode(id))).isEqualTo(id);
        }
    }

    @Test
    void unsignedByteOrderIsStringCompareToEvenWhereCodePointOrderIsNot() {
        String emoji = "\uD83D\uDCB3";
        String fullWidthA = "\uFF21";
        assertThat(emoji.compareTo(fullWidthA)).isNegative();
        assertThat(emoji.codePointAt(0)).isGreaterThan(fullWidthA.codePointAt(0));

        assertThat(Arrays.compareUnsigned(SortableId.encode(emoji), SortableId.encode(fullWidthA))).isNegative();
    }

    @Test
    void unsignedByteOrderIsStringCompareToForRandomStrings() {
        Random random = new Random(42);
        char[] alphabet = {'a', 'Z', '0', '9', '-', 'é', '\u00FF', '\u0100', '\uD83D', '\uDCB3', '\uE000', '\uFF21', '\uFFFF',
            '\u0000'};
        for (int i = 0; i < 20_000; i++) {
            String left = randomString(random, alphabet);
            String right = randomString(random, alphabet);

            assertThat(Integer.signum(Arrays.compareUnsigned(SortableId.encode(left), SortableId.encode(right))))
                    .as("%s vs %s", left, right)
                    .isEqualTo(Integer.signum(left.compareTo(right)));
        }
    }

    @Test
    void anOddNumberOfBytesIsNoStoredId() {
        assertThatThrownBy(() -> SortableId.decode(new byte[3])).isInstanceOf(IllegalStateException.class);
    }

    private static String randomString(Random random, char[] alphabet) {
        char[] chars = new char[random.nextInt(5)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(chars);
    }
}
