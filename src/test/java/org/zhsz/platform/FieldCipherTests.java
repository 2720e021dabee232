package org.zhsz.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class FieldCipherTests {

    private static SecretKey key() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return new SecretKeySpec(raw, "AES");
    }

    private final SecretKey k1 = key();
    private final SecretKey k2 = key();

    @Test
    void roundTripsAndHidesThePlaintext() {
        FieldCipher c = new FieldCipher(Map.of("k1", k1), "k1");
        String enc = c.encrypt("最近两周情绪低落，想哭", "plan:S1:concerns");
        assertThat(enc).startsWith("enc:v1:k1:").doesNotContain("情绪");
        assertThat(new String(Base64.getDecoder().decode(enc.substring("enc:v1:k1:".length())),
                java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("情绪");
        assertThat(c.decrypt(enc, "plan:S1:concerns")).isEqualTo("最近两周情绪低落，想哭");
        assertThat(c.encrypt("same", "x")).isNotEqualTo(c.encrypt("same", "x")); // random IV
    }

    @Test
    void refusesTamperingAndContextSwaps() {
        FieldCipher c = new FieldCipher(Map.of("k1", k1), "k1");
        String enc = c.encrypt("secret", "a");
        assertThatThrownBy(() -> c.decrypt(enc, "b")).isInstanceOf(IllegalStateException.class);
        char[] chars = enc.toCharArray();
        int i = chars.length - 5;
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> c.decrypt(new String(chars), "a")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rotationKeepsOldDataReadableAndMovesIt() {
        FieldCipher old = new FieldCipher(Map.of("k1", k1), "k1");
        String v1 = old.encrypt("旧数据", "ctx");
        Map<String, SecretKey> both = new LinkedHashMap<>();
        both.put("k2", k2);
        both.put("k1", k1);
        FieldCipher rotated = new FieldCipher(both, "k2");
        assertThat(rotated.decrypt(v1, "ctx")).isEqualTo("旧数据");
        assertThat(rotated.needsRotation(v1)).isTrue();
        String v2 = rotated.rotate(v1, "ctx");
        assertThat(FieldCipher.keyIdOf(v2)).isEqualTo("k2");
        assertThat(rotated.needsRotation(v2)).isFalse();
        assertThat(rotated.decrypt(v2, "ctx")).isEqualTo("旧数据");
        FieldCipher onlyNew = new FieldCipher(Map.of("k2", k2), "k2");
        assertThat(onlyNew.decrypt(v2, "ctx")).isEqualTo("旧数据");
        assertThatThrownBy(() -> onlyNew.decrypt(v1, "ctx")).hasMessageContaining("unknown encryption key");
    }

    @Test
    void rejectsWeakKeys() {
        assertThatThrownBy(() -> new FieldCipher(Map.of("k", new SecretKeySpec(new byte[16], "AES")), "k"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
