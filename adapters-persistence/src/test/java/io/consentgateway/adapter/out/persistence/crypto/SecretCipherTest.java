package io.consentgateway.adapter.out.persistence.crypto;

import io.consentgateway.adapter.out.persistence.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretCipherTest {
    private static final SecretColumn ACCESS = new SecretColumn("consents", "access_token");
    private static final SecretColumn REFRESH = new SecretColumn("consents", "refresh_token");
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.canary-token-Ω";

    private final String key1 = TestKeys.newKeyBase64();
    private final String key2 = TestKeys.newKeyBase64();
    private final SecretCipher withKey1 = new SecretCipher(KeyRing.fromConfiguration("k1", "k1:" + key1));
    private final UUID row = UUID.randomUUID();

    @Test
    void encryptedValueDecryptsToTheClearTextAtTheSameRowAndColumn() {
        String stored = withKey1.encrypt(TOKEN, ACCESS.at(row));

        assertThat(withKey1.decrypt(stored, ACCESS.at(row))).isEqualTo(TOKEN);
    }

    @Test
    void storedValueCarriesFormatAndKeyIdButNoClearText() {
        String stored = withKey1.encrypt(TOKEN, ACCESS.at(row));

        assertThat(stored).startsWith("v1.k1.").doesNotContain(TOKEN).doesNotContain("canary");
        assertThat(SecretCipher.keyIdOf(stored)).contains("k1");
        // nonce (12) + ciphertext (as long as the UTF-8 clear text) + tag (16), Base64url without padding
        int bodyBytes = Base64.getUrlDecoder().decode(stored.substring("v1.k1.".length())).length;
        assertThat(bodyBytes).isEqualTo(12 + TOKEN.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 16);
    }

    @Test
    void everyEncryptionUsesAFreshNonce() {
        String first = withKey1.encrypt(TOKEN, ACCESS.at(row));
        String second = withKey1.encrypt(TOKEN, ACCESS.at(row));

        assertThat(first).isNotEqualTo(second);
        assertThat(first.substring(6, 22)).isNotEqualTo(second.substring(6, 22));
    }

    @Test
    void valueCopiedToAnotherRowFailsClosedNamingThatRow() {
        String stored = withKey1.encrypt(TOKEN, ACCESS.at(row));
        UUID otherRow = UUID.randomUUID();

        assertThatThrownBy(() -> withKey1.decrypt(stored, ACCESS.at(otherRow)))
                .isInstanceOf(StoredSecretUnreadable.class)
                .hasMessageContaining("consents.access_token of row " + otherRow)
                .hasMessageContaining("authentication failed");
    }

    @Test
    void valueCopiedToAnotherColumnFailsClosed() {
        String stored = withKey1.encrypt(TOKEN, ACCESS.at(row));

        assertThatThrownBy(() -> withKey1.decrypt(stored, REFRESH.at(row))).isInstanceOf(StoredSecretUnreadable.class);
    }

    @Test
    void tamperedCiphertextFailsClosed() {
        String stored = withKey1.encrypt(TOKEN, ACCESS.at(row));
        int at = stored.length() - 10;
        String tampered = stored.substring(0, at) + (stored.charAt(at) == 'A' ? 'B' : 'A') + stored.substring(at + 1);

        assertThatThrownBy(() -> withKey1.decrypt(tampered, ACCESS.at(row))).isInstanceOf(StoredSecretUnreadable.class);
    }

    @Test
    void relabelledKeyIdFailsClosed() {
        SecretCipher bothKeys = new SecretCipher(KeyRing.fromConfiguration("k1", "k1:" + key1 + ",k2:" + key2));
        String stored = bothKeys.encrypt(TOKEN, ACCESS.at(row));

        assertThatThrownBy(() -> bothKeys.decrypt(stored.replace("v1.k1.", "v1.k2."), ACCESS.at(row)))
                .isInstanceOf(StoredSecretUnreadable.class);
    }

    @Test
    void valueOfAnUnknownKeyIdFailsClosedNamingTheKeyIdOnly() {
        String stored = withKey1.encrypt(TOKEN, ACCESS.at(row));
        SecretCipher onlyKey2 = new SecretCipher(KeyRing.fromConfiguration("k2", "k2:" + key2));

        assertThatThrownBy(() -> onlyKey2.decrypt(stored, ACCESS.at(row)))
                .isInstanceOf(StoredSecretUnreadable.class)
                .hasMessageContaining("key id 'k1'")
                .hasMessageContaining("consents.access_token of row " + row)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(stored.substring(6), key1, key2, TOKEN));
    }

    @Test
    void valuesWrittenWithAnOlderKeyStayReadableAfterRotation() {
        String old = withKey1.encrypt(TOKEN, ACCESS.at(row));
        SecretCipher rotated = new SecretCipher(KeyRing.fromConfiguration("k2", "k1:" + key1 + ",k2:" + key2));

        assertThat(rotated.decrypt(old, ACCESS.at(row))).isEqualTo(TOKEN);
        assertThat(rotated.encrypt(TOKEN, ACCESS.at(row))).startsWith("v1.k2.");
    }

    @Test
    void valueNotInTheKnownFormatFailsClosedWithoutEchoingIt() {
        assertThatThrownBy(() -> withKey1.decrypt(TOKEN, ACCESS.at(row)))
                .isInstanceOf(StoredSecretUnreadable.class)
                .hasMessageContaining("not an encrypted value")
                .hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> withKey1.decrypt("v1.k1.%%%not-base64", ACCESS.at(row)))
                .isInstanceOf(StoredSecretUnreadable.class)
                .hasMessageNotContaining("%%%");
        assertThatThrownBy(() -> withKey1.decrypt("v1.k1.AAAA", ACCESS.at(row)))
                .isInstanceOf(StoredSecretUnreadable.class)
                .hasMessageContaining("too short");
    }

    @Test
    void emptyAndLongValuesRoundTrip() {
        String sixteenKilobytes = "x".repeat(16 * 1024);

        assertThat(withKey1.decrypt(withKey1.encrypt("", ACCESS.at(row)), ACCESS.at(row))).isEmpty();
        assertThat(withKey1.decrypt(withKey1.encrypt(sixteenKilobytes, ACCESS.at(row)), ACCESS.at(row)))
                .isEqualTo(sixteenKilobytes);
    }

    @Test
    void exceptionNamesTheLocationSoOperatorsCanFindTheRow() {
        StoredSecretUnreadable e = org.junit.jupiter.api.Assertions.assertThrows(StoredSecretUnreadable.class,
                () -> withKey1.decrypt("garbage", REFRESH.at(row)));

        assertThat(e.location()).isEqualTo(REFRESH.at(row));
        assertThat(e.getCause()).isNull();
    }
}
