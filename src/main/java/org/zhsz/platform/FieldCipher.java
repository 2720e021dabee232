package org.zhsz.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Field-level encryption for sensitive free text and answers: AES-256-GCM with a random 96-bit IV, the key id
 * stored beside the ciphertext ({@code enc:v1:<keyId>:<base64(iv‖ciphertext‖tag)>}) and an optional context
 * (associated data, e.g. "plan:S1-C1-01:concerns") so a ciphertext cannot be moved to another record or field.
 * New writes use the active key; values under older keys stay readable until re-encrypted.
 */
public final class FieldCipher {

    private static final String PREFIX = "enc:v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    public FieldCipher(Map<String, SecretKey> keys, String activeKeyId) {
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("active key " + activeKeyId + " is not among the keys");
        }
        for (var e : keys.entrySet()) {
            if (e.getValue().getEncoded().length != 32) {
                throw new IllegalArgumentException("key " + e.getKey() + " is not a 256-bit key");
            }
            if (e.getKey().contains(":")) {
                throw new IllegalArgumentException("key id must not contain ':'");
            }
        }
        this.keys = new LinkedHashMap<>(keys);
        this.activeKeyId = activeKeyId;
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public String encrypt(String plaintext) {
        return encrypt(plaintext, "");
    }

    public String encrypt(String plaintext, String context) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(aad(activeKeyId, context));
            byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct);
            return PREFIX + activeKeyId + ":" + Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(String value) {
        return decrypt(value, "");
    }

    /** Decrypts; a value that was tampered with, moved to another context or whose key is unknown fails. */
    public String decrypt(String value, String context) {
        if (value == null) {
            return null;
        }
        if (!isEncrypted(value)) {
            throw new IllegalStateException("value is not encrypted");
        }
        String rest = value.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        String keyId = rest.substring(0, colon);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("unknown encryption key " + keyId);
        }
        try {
            byte[] all = Base64.getDecoder().decode(rest.substring(colon + 1));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            c.updateAAD(aad(keyId, context));
            byte[] pt = c.doFinal(all, IV_BYTES, all.length - IV_BYTES);
            return new String(pt, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("decryption failed (tampered, wrong context or wrong key)", e);
        }
    }

    public static boolean isEncrypted(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public static String keyIdOf(String value) {
        if (!isEncrypted(value)) {
            return null;
        }
        String rest = value.substring(PREFIX.length());
        return rest.substring(0, rest.indexOf(':'));
    }

    /** True when the value is under an older key and should be re-encrypted. */
    public boolean needsRotation(String value) {
        return isEncrypted(value) && !activeKeyId.equals(keyIdOf(value));
    }

    /** Decrypts under whatever key and encrypts under the active one. */
    public String rotate(String value, String context) {
        return needsRotation(value) ? encrypt(decrypt(value, context), context) : value;
    }

    private static byte[] aad(String keyId, String context) {
        return (keyId + "|" + (context == null ? "" : context)).getBytes(StandardCharsets.UTF_8);
    }
}
