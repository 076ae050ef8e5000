package io.consentgateway.adapter.out.persistence.crypto;

import io.consentgateway.adapter.out.persistence.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyRingTest {
    private final String key1 = TestKeys.newKeyBase64();
    private final String key2 = TestKeys.newKeyBase64();

    @Test
    void configurationListsKeysAsIdColonBase64PairsSeparatedByCommas() {
        KeyRing ring = KeyRing.fromConfiguration("2026-11", " 2026-05:" + key1 + " , 2026-11:" + key2 + " ");

        assertThat(ring.currentKeyId()).isEqualTo("2026-11");
        assertThat(ring.keyIds()).containsExactlyInAnyOrder("2026-05", "2026-11");
    }

    @Test
    void urlSafeBase64KeysAreAcceptedToo() {
        byte[] raw = Base64.getDecoder().decode(key1);
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

        assertThat(KeyRing.fromConfiguration("k", "k:" + urlSafe).keyIds()).containsExactly("k");
    }

    @Test
    void currentKeyMustBeConfigured() {
        assertThatThrownBy(() -> KeyRing.fromConfiguration("k3", "k1:" + key1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'k3'")
                .hasMessageNotContaining(key1);
    }

    @Test
    void keyOfTheWrongLengthIsRejectedWithoutShowingIt() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> KeyRing.fromConfiguration("k1", "k1:" + shortKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining(shortKey);
    }

    @Test
    void keyThatIsNotBase64IsRejectedWithoutShowingIt() {
        assertThatThrownBy(() -> KeyRing.fromConfiguration("k1", "k1:not*base64*secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'k1'")
                .hasMessageNotContaining("secret");
    }

    @Test
    void emptyConfigurationAndMalformedEntriesAreRejected() {
        assertThatThrownBy(() -> KeyRing.fromConfiguration("k1", " ")).hasMessageContaining("no encryption keys");
        assertThatThrownBy(() -> KeyRing.fromConfiguration("k1", key1)).hasMessageContaining("id:base64key");
        assertThatThrownBy(() -> KeyRing.fromConfiguration("k1", "k1:" + key1 + ",k1:" + key2)).hasMessageContaining("twice");
        assertThatThrownBy(() -> KeyRing.fromConfiguration("k.1", "k.1:" + key1)).hasMessageContaining("key id");
    }

    @Test
    void toStringShowsKeyIdsOnly() {
        KeyRing ring = KeyRing.fromConfiguration("k2", "k1:" + key1 + ",k2:" + key2);

        assertThat(ring.toString()).contains("k1", "k2").doesNotContain(key1, key2);
    }

    @Test
    void rawKeyBytesAreCopiedAndTheCallersArrayIsWiped() {
        byte[] raw = Base64.getDecoder().decode(key1);

        KeyRing.of("k1", Map.of("k1", raw));

        assertThat(raw).containsOnly(0);
    }
}
