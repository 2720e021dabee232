package org.zhsz.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Ed25519 key that signs seals and checkpoints, and the public keys verification trusts. The signing key comes
 * from {@code zhsz.audit.signing-key} (base64 PKCS#8, env {@code ZHSZ_AUDIT_SIGNING_KEY}; every instance of a
 * deployment should get the same one) or else from {@code zhsz.audit.signing-key-file}, which is generated on first
 * start. Trusted: this key, the keys in {@code zhsz.audit.trusted-keys} (base64 X.509, e.g. a previous key after a
 * rotation or the keys of other instances) and the keys that signed the checkpoints in the checkpoint directory.
 */
final class AuditKeys {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AuditKeys.class);

    private final PrivateKey signing;
    private final PublicKey publicKey;
    private final String keyId;
    private final Map<String, PublicKey> trusted = new LinkedHashMap<>();

    AuditKeys(PrivateKey signing, PublicKey publicKey) {
        this.signing = signing;
        this.publicKey = publicKey;
        this.keyId = keyId(publicKey);
        trusted.put(keyId, publicKey);
    }

    /** Loads or generates the signing key as configured; adds the configured trusted keys. */
    static AuditKeys load(String configuredKey, Path keyFile, String trustedKeys) {
        try {
            KeyPair pair;
            if (configuredKey != null && !configuredKey.isBlank()) {
                pair = fromPkcs8(Base64.getDecoder().decode(configuredKey.trim()));
            } else if (Files.exists(keyFile)) {
                pair = fromPkcs8(Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.UTF_8).trim()));
            } else {
                pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                try {
                    store(pair, keyFile);
                } catch (IOException e) {
                    // e.g. a read-only file system: sign with this key for this process only, and say so loudly
                    log.error("Audit: the signing key could not be stored in {} ({}); this process signs with a key "
                            + "of its own that no other instance or later start trusts. Set ZHSZ_AUDIT_SIGNING_KEY "
                            + "(the same for every instance).", keyFile, e.toString());
                }
            }
            AuditKeys keys = new AuditKeys(pair.getPrivate(), pair.getPublic());
            if (trustedKeys != null) {
                for (String k : trustedKeys.split(",")) {
                    if (!k.isBlank()) {
                        keys.trust(publicKey(k.trim()));
                    }
                }
            }
            return keys;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the audit signing key could not be loaded or created (" + keyFile + ")",
                    e);
        }
    }

    static AuditKeys generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new AuditKeys(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void store(KeyPair pair, Path keyFile) throws IOException {
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        Path tmp = keyFile.resolveSibling(keyFile.getFileName() + ".tmp");
        Files.writeString(tmp, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n",
                StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // best effort
        }
        Files.move(tmp, keyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static KeyPair fromPkcs8(byte[] der) throws GeneralSecurityException {
        KeyFactory kf = KeyFactory.getInstance("Ed25519");
        EdECPrivateKey priv = (EdECPrivateKey) kf.generatePrivate(new PKCS8EncodedKeySpec(der));
        // PKCS#8 v1 holds no public key: derive it by letting the generator "draw" this key's seed
        byte[] seed = priv.getBytes().orElseThrow();
        KeyPairGenerator gen = KeyPairGenerator.getInstance("Ed25519");
        gen.initialize(NamedParameterSpec.ED25519, new FixedSeed(seed));
        KeyPair derived = gen.generateKeyPair();
        return new KeyPair(derived.getPublic(), priv);
    }

    /** Feeds a known seed to the key pair generator so that it derives the public key of that private key. */
    private static final class FixedSeed extends java.security.SecureRandom {
        private final byte[] seed;

        FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }

    static PublicKey publicKey(String base64X509) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(base64X509)));
    }

    static String keyId(PublicKey key) {
        return HexFormat.of().formatHex(AuditHasher.sha256(key.getEncoded()), 0, 8);
    }

    void trust(PublicKey key) {
        trusted.putIfAbsent(keyId(key), key);
    }

    String keyId() {
        return keyId;
    }

    String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    String sign(byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(signing);
            s.update(message);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String sign(String hexHash) {
        return sign(hexHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether {@code signature} is a valid signature of the message by the trusted key {@code keyId}. */
    boolean verify(String keyId, byte[] message, String signature) {
        PublicKey key = keyId == null ? null : trusted.get(keyId);
        if (key == null || signature == null) {
            return false;
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(message);
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    boolean verify(String keyId, String hexHash, String signature) {
        return verify(keyId, hexHash.getBytes(StandardCharsets.US_ASCII), signature);
    }

    boolean trusts(String keyId) {
        return keyId != null && trusted.containsKey(keyId);
    }

    Optional<PublicKey> trusted(String keyId) {
        return Optional.ofNullable(trusted.get(keyId));
    }
}
